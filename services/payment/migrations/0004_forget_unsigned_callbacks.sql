-- Before issue 18 every unsigned callback was kept whole (an attacker's 60 KB ones too): they
-- become counts, as refused callbacks are from now on, and are forgotten. Days here are UTC
-- days (the server may lack time zone tables for Kyiv's): near enough for what came before.
INSERT INTO `liqpay_callback_rejections` (`day`, `reason`, `count`, `first_at`, `last_at`)
  SELECT DATE(`created_at`), 'bad_signature', COUNT(*), MIN(`created_at`), MAX(`created_at`)
  FROM `liqpay_callbacks` WHERE `signature_valid` = false GROUP BY DATE(`created_at`)
  ON DUPLICATE KEY UPDATE `count` = VALUES(`count`);
--> statement-breakpoint
DELETE FROM `liqpay_callbacks` WHERE `signature_valid` = false;
