CREATE TABLE `session_revocations` (
	`session_id` varchar(36) NOT NULL,
	`subject_kind` enum('member','staff') NOT NULL,
	`subject_id` int unsigned NOT NULL,
	`revoked_at` datetime(3) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	CONSTRAINT `session_revocations_session_id` PRIMARY KEY(`session_id`)
);
--> statement-breakpoint
ALTER TABLE `member_accounts` ADD `first_name` varchar(64);--> statement-breakpoint
ALTER TABLE `member_accounts` ADD `last_name` varchar(64);--> statement-breakpoint
ALTER TABLE `member_accounts` ADD `email` varchar(254);--> statement-breakpoint
ALTER TABLE `member_accounts` ADD `contact_as_of` datetime(3);--> statement-breakpoint
ALTER TABLE `refresh_tokens` ADD `access_expires_at` datetime(3);--> statement-breakpoint
CREATE INDEX `session_revocations_revoked` ON `session_revocations` (`revoked_at`);--> statement-breakpoint
CREATE INDEX `session_revocations_expires` ON `session_revocations` (`expires_at`);