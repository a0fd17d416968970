CREATE TABLE `request_files` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`request_id` int unsigned NOT NULL,
	`member_id` int unsigned NOT NULL,
	`name` char(32) NOT NULL,
	`mime` varchar(64) NOT NULL,
	`size` int unsigned NOT NULL,
	`sha256` char(64) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `request_files_id` PRIMARY KEY(`id`),
	CONSTRAINT `request_files_name` UNIQUE(`name`)
);
--> statement-breakpoint
CREATE TABLE `request_messages` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`request_id` int unsigned NOT NULL,
	`member_id` int unsigned,
	`user_id` int unsigned,
	`internal` boolean NOT NULL DEFAULT false,
	`message` text NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `request_messages_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `requests` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`member_id` int unsigned NOT NULL,
	`status` enum('opened','awaiting_agent','awaiting_client','closed') NOT NULL DEFAULT 'opened',
	`request_text` text NOT NULL,
	`diagnosis` varchar(2000) NOT NULL DEFAULT '',
	`granted_amount` int unsigned,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `requests_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `request_files_request` ON `request_files` (`request_id`);--> statement-breakpoint
CREATE INDEX `request_files_sha256` ON `request_files` (`sha256`);--> statement-breakpoint
CREATE INDEX `request_messages_request` ON `request_messages` (`request_id`,`id`);--> statement-breakpoint
CREATE INDEX `requests_member_status` ON `requests` (`member_id`,`status`);--> statement-breakpoint
CREATE INDEX `requests_status_updated` ON `requests` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `requests_updated` ON `requests` (`updated_at`);