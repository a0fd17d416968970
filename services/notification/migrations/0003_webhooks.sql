CREATE TABLE `webhook_attempts` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`delivery_id` bigint unsigned NOT NULL,
	`subscriber_id` int unsigned NOT NULL,
	`attempted_at` datetime(3) NOT NULL,
	`duration_ms` int unsigned NOT NULL,
	`status_code` smallint unsigned,
	`error` varchar(500),
	`response_excerpt` varchar(1024),
	CONSTRAINT `webhook_attempts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`subscriber_id` int unsigned NOT NULL,
	`event_id` char(36) NOT NULL,
	`event_type` varchar(100) NOT NULL,
	`object_key` varchar(170) NOT NULL,
	`occurred_at` datetime(3) NOT NULL,
	`payload` mediumtext NOT NULL,
	`status` enum('pending','delivered','dead','paused') NOT NULL DEFAULT 'pending',
	`next_attempt_at` datetime(3) NOT NULL,
	`claim_token` varchar(32),
	`attempts` int unsigned NOT NULL DEFAULT 0,
	`failures` int unsigned NOT NULL DEFAULT 0,
	`last_status` smallint unsigned,
	`last_error` varchar(500),
	`last_attempt_at` datetime(3),
	`delivered_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `webhook_deliveries_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `webhook_subscribers` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`url` varchar(2048) NOT NULL,
	`description` varchar(200),
	`secret` varchar(255) NOT NULL,
	`event_types` longtext NOT NULL,
	`enabled` boolean NOT NULL DEFAULT true,
	`disabled_reason` enum('gone','administrator'),
	`disabled_at` datetime(3),
	`created_by` int unsigned,
	`updated_by` int unsigned,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `webhook_subscribers_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `webhook_attempts_delivery` ON `webhook_attempts` (`delivery_id`);--> statement-breakpoint
CREATE INDEX `webhook_attempts_subscriber` ON `webhook_attempts` (`subscriber_id`);--> statement-breakpoint
CREATE INDEX `webhook_attempts_time` ON `webhook_attempts` (`attempted_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due` ON `webhook_deliveries` (`subscriber_id`,`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_object` ON `webhook_deliveries` (`subscriber_id`,`object_key`,`status`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_status` ON `webhook_deliveries` (`status`,`delivered_at`);