CREATE TABLE `member_contacts` (
	`member_id` int unsigned NOT NULL,
	`phone` varchar(16),
	`phone_set_at` datetime(3),
	`blocked` boolean NOT NULL DEFAULT false,
	`blocked_set_at` datetime(3),
	`paid_until` date,
	`paid_until_set_at` datetime(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `member_contacts_member_id` PRIMARY KEY(`member_id`)
);
--> statement-breakpoint
CREATE TABLE `membership_reminders` (
	`member_id` int unsigned NOT NULL,
	`paid_until` date NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `membership_reminders_member_id_paid_until_pk` PRIMARY KEY(`member_id`,`paid_until`)
);
--> statement-breakpoint
CREATE TABLE `staff_messages` (
	`event_id` char(36) NOT NULL,
	`kind` varchar(40) NOT NULL,
	`status` enum('sending','sent') NOT NULL,
	`attempts` int unsigned NOT NULL DEFAULT 1,
	`telegram_message_id` bigint,
	`last_error` varchar(1000),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`sent_at` datetime(3),
	CONSTRAINT `staff_messages_event_id` PRIMARY KEY(`event_id`)
);
--> statement-breakpoint
CREATE INDEX `member_contacts_paid_until` ON `member_contacts` (`paid_until`);