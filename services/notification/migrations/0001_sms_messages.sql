CREATE TABLE `sms_messages` (
	`event_id` char(36) NOT NULL,
	`kind` varchar(40) NOT NULL,
	`status` enum('sending','sent') NOT NULL,
	`provider_sid` varchar(64),
	`attempts` int unsigned NOT NULL DEFAULT 1,
	`last_error` varchar(1000),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`sent_at` datetime(3),
	CONSTRAINT `sms_messages_event_id` PRIMARY KEY(`event_id`)
);
