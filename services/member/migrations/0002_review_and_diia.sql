ALTER TABLE `diia_callbacks` ADD `member_id` int unsigned NOT NULL;--> statement-breakpoint
CREATE INDEX `diia_callbacks_request` ON `diia_callbacks` (`request_id`,`status`);--> statement-breakpoint
CREATE INDEX `members_updated` ON `members` (`updated_at`);--> statement-breakpoint
CREATE INDEX `members_awaiting_review` ON `members` (`is_submitted`,`profile_sent_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `members_program_change` ON `members` (`has_new_program_change`,`updated_at`);--> statement-breakpoint
CREATE INDEX `members_new_documents` ON `members` (`has_new_documents`,`updated_at`);--> statement-breakpoint
CREATE INDEX `members_correction_request` ON `members` (`has_correction_request`,`updated_at`);--> statement-breakpoint
CREATE INDEX `members_new_request` ON `members` (`has_new_request`,`updated_at`);