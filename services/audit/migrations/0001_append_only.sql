-- The trail is append-only in the database too: whoever reaches the schema with the service's
-- account cannot edit or remove an event, and the chain head only moves one event forward.
-- Each trigger is one statement between breakpoints: the migrator sends each chunk whole, so
-- no DELIMITER is needed (it is a command of the mysql client, not SQL).
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events` FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only: an event cannot be changed';
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_delete` BEFORE DELETE ON `audit_events` FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only: an event cannot be deleted';
--> statement-breakpoint
CREATE TRIGGER `audit_chain_head_forward_only` BEFORE UPDATE ON `audit_chain_head` FOR EACH ROW
BEGIN
  IF NEW.id <> OLD.id OR NEW.last_sequence <> OLD.last_sequence + 1 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the audit chain head only moves one event forward';
  END IF;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_chain_head_no_delete` BEFORE DELETE ON `audit_chain_head` FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the audit chain head cannot be deleted';
--> statement-breakpoint
-- The empty chain: no event yet, and the hash the first event links to.
INSERT INTO `audit_chain_head` (`id`, `last_sequence`, `last_hash`)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
