CREATE TABLE `member_accounts` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`phone` varchar(16) NOT NULL,
	`blocked` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `member_accounts_id` PRIMARY KEY(`id`),
	CONSTRAINT `member_accounts_phone_unique` UNIQUE(`phone`)
);
--> statement-breakpoint
CREATE TABLE `refresh_tokens` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`token_hash` binary(32) NOT NULL,
	`family_id` varchar(36) NOT NULL,
	`subject_kind` enum('member','staff') NOT NULL,
	`subject_id` int unsigned NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`expires_at` datetime(3) NOT NULL,
	`rotated_at` datetime(3),
	`revoked_at` datetime(3),
	CONSTRAINT `refresh_tokens_id` PRIMARY KEY(`id`),
	CONSTRAINT `refresh_tokens_token_hash_unique` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `sign_phones` (
	`phone` varchar(16) NOT NULL,
	CONSTRAINT `sign_phones_phone` PRIMARY KEY(`phone`)
);
--> statement-breakpoint
CREATE TABLE `sign_requests` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`phone` varchar(16) NOT NULL,
	`address` varchar(45) NOT NULL,
	`code_salt` binary(16) NOT NULL,
	`code_hash` binary(32) NOT NULL,
	`create_account` boolean NOT NULL,
	`tries` smallint unsigned NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`expires_at` datetime(3) NOT NULL,
	`used_at` datetime(3),
	`replaced_at` datetime(3),
	CONSTRAINT `sign_requests_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`login` varchar(64) NOT NULL,
	`name` varchar(200) NOT NULL,
	`email` varchar(254) NOT NULL,
	`phone` varchar(16),
	`role` enum('admin','staff') NOT NULL DEFAULT 'staff',
	`password_hash` varchar(255) NOT NULL,
	`must_change_password` boolean NOT NULL DEFAULT true,
	`is_active` boolean NOT NULL DEFAULT true,
	`failed_attempts` smallint unsigned NOT NULL DEFAULT 0,
	`locked_until` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `staff_users_id` PRIMARY KEY(`id`),
	CONSTRAINT `staff_users_login_unique` UNIQUE(`login`)
);
--> statement-breakpoint
CREATE INDEX `refresh_tokens_family` ON `refresh_tokens` (`family_id`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_subject` ON `refresh_tokens` (`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE INDEX `sign_requests_phone` ON `sign_requests` (`phone`,`created_at`);--> statement-breakpoint
CREATE INDEX `sign_requests_address` ON `sign_requests` (`address`,`created_at`);