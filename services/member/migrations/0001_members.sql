CREATE TABLE `certificate_counter` (
	`id` int unsigned NOT NULL,
	`last` bigint unsigned NOT NULL,
	CONSTRAINT `certificate_counter_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `diia_callbacks` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`request_id` char(36) NOT NULL,
	`body_file` varchar(64) NOT NULL,
	`content_type` varchar(255) NOT NULL,
	`status` enum('received','processed','failed') NOT NULL DEFAULT 'received',
	`error` text,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`processed_at` datetime(3),
	CONSTRAINT `diia_callbacks_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `identity_documents` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`member_id` int unsigned NOT NULL,
	`type` enum('id_card_front','id_card_back','passport_page_1','passport_page_2','passport_address','tax_number_card') NOT NULL,
	`file_name` varchar(64) NOT NULL,
	`status` enum('pending','current','history') NOT NULL DEFAULT 'pending',
	`source` enum('upload','diia') NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `identity_documents_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `member_files` (
	`name` varchar(64) NOT NULL,
	`member_id` int unsigned NOT NULL,
	`mime` varchar(64) NOT NULL,
	`size` int unsigned NOT NULL,
	`sha256` char(64) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `member_files_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `member_programs` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`member_id` int unsigned NOT NULL,
	`program_id` int unsigned NOT NULL,
	`started_at` datetime(3) NOT NULL,
	`ended_at` datetime(3),
	CONSTRAINT `member_programs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `members` (
	`id` int unsigned NOT NULL,
	`phone` varchar(16) NOT NULL,
	`first_name` varchar(64),
	`middle_name` varchar(64),
	`last_name` varchar(64),
	`email` varchar(254),
	`birth_date` date,
	`passport_data` varchar(255),
	`tax_number` varchar(10),
	`iban` varchar(34),
	`photo_file` varchar(64),
	`certificate` varchar(32),
	`paid_until` date,
	`program_id` int unsigned,
	`pending_program_id` int unsigned,
	`is_active` boolean NOT NULL DEFAULT true,
	`is_submitted` boolean NOT NULL DEFAULT false,
	`profile_sent_at` datetime(3),
	`has_new_request` boolean NOT NULL DEFAULT false,
	`has_new_program_change` boolean NOT NULL DEFAULT false,
	`has_new_documents` boolean NOT NULL DEFAULT false,
	`has_correction_request` boolean NOT NULL DEFAULT false,
	`diia_request_id` char(36),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `members_id` PRIMARY KEY(`id`),
	CONSTRAINT `members_phone` UNIQUE(`phone`),
	CONSTRAINT `members_certificate` UNIQUE(`certificate`),
	CONSTRAINT `members_diia_request` UNIQUE(`diia_request_id`)
);
--> statement-breakpoint
CREATE TABLE `profile_corrections` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`member_id` int unsigned NOT NULL,
	`first_name` varchar(64),
	`middle_name` varchar(64),
	`last_name` varchar(64),
	`birth_date` date,
	`resolved_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `profile_corrections_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `programs` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(128) NOT NULL,
	`month_price` int unsigned NOT NULL,
	`terms_file` varchar(64),
	`is_active` boolean NOT NULL DEFAULT true,
	`created_by` int unsigned,
	`updated_by` int unsigned,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `programs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `diia_callbacks_status` ON `diia_callbacks` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `identity_documents_member` ON `identity_documents` (`member_id`,`status`);--> statement-breakpoint
CREATE INDEX `member_files_member` ON `member_files` (`member_id`);--> statement-breakpoint
CREATE INDEX `member_programs_member` ON `member_programs` (`member_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `members_tax_number` ON `members` (`tax_number`);--> statement-breakpoint
CREATE INDEX `profile_corrections_member` ON `profile_corrections` (`member_id`);