-- Events that arrive together are appended together (issue 20): the head then moves several
-- events forward in one update. It still only moves forward, and only onto an entry the trail
-- holds under that position and hash, so it can neither go back nor point past what was written.
DROP TRIGGER `audit_chain_head_forward_only`;
--> statement-breakpoint
CREATE TRIGGER `audit_chain_head_forward_only` BEFORE UPDATE ON `audit_chain_head` FOR EACH ROW
BEGIN
  IF NEW.id <> OLD.id OR NEW.last_sequence <= OLD.last_sequence
    OR NOT EXISTS (SELECT 1 FROM audit_events WHERE sequence = NEW.last_sequence AND hash = NEW.last_hash) THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the audit chain head only moves forward, onto an entry of the trail';
  END IF;
END;
