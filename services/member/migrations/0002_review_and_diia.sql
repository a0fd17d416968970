DROP INDEX `members_tax_number` ON `members`;--> statement-breakpoint
ALTER TABLE `diia_callbacks` ADD `member_id` int unsigned NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `search_text` varbinary(1200) GENERATED ALWAYS AS (CAST(LOWER(CONCAT_WS(' ', first_name, middle_name, last_name, passport_data, tax_number, iban, certificate)) AS BINARY)) STORED;--> statement-breakpoint
CREATE INDEX `diia_callbacks_request` ON `diia_callbacks` (`request_id`,`status`);--> statement-breakpoint
CREATE INDEX `members_search_text` ON `members` (`search_text`,`updated_at`);--> statement-breakpoint
CREATE INDEX `members_search` ON `members` (`first_name`,`middle_name`,`last_name`,`passport_data`,`tax_number`,`iban`,`certificate`,`updated_at`);--> statement-breakpoint
CREATE INDEX `members_awaiting_review` ON `members` (`is_submitted`,`profile_sent_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `members_program_change` ON `members` (`has_new_program_change`,`updated_at`);--> statement-breakpoint
CREATE INDEX `members_new_documents` ON `members` (`has_new_documents`,`updated_at`);--> statement-breakpoint
CREATE INDEX `members_correction_request` ON `members` (`has_correction_request`,`updated_at`);--> statement-breakpoint
CREATE INDEX `members_new_request` ON `members` (`has_new_request`,`updated_at`);--> statement-breakpoint
CREATE INDEX `members_tax_number` ON `members` (`tax_number`,`updated_at`);