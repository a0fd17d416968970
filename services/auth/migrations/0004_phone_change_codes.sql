ALTER TABLE `sign_requests` ADD `purpose` enum('sign_in','phone_change') DEFAULT 'sign_in' NOT NULL;--> statement-breakpoint
ALTER TABLE `sign_requests` ADD `member_id` int unsigned;