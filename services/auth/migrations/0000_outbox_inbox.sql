CREATE TABLE `inbox` (
	`consumer` varchar(150) NOT NULL,
	`event_id` char(36) NOT NULL,
	`processed_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `inbox_consumer_event_id_pk` PRIMARY KEY(`consumer`,`event_id`)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`event_id` char(36) NOT NULL,
	`type` varchar(100) NOT NULL,
	`aggregate_id` varchar(64) NOT NULL,
	`payload` mediumtext NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`published_at` datetime(3),
	CONSTRAINT `outbox_id` PRIMARY KEY(`id`),
	CONSTRAINT `outbox_event_id_unique` UNIQUE(`event_id`)
);
--> statement-breakpoint
CREATE INDEX `inbox_processed` ON `inbox` (`processed_at`);--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`published_at`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_aggregate` ON `outbox` (`aggregate_id`,`id`);