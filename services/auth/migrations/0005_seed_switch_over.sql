ALTER TABLE `member_accounts` ADD `seed_sessions_ended_at` datetime(3);--> statement-breakpoint
ALTER TABLE `staff_users` ADD `imported_at` datetime(3);