CREATE TABLE `audit_chain_head` (
	`id` tinyint unsigned NOT NULL,
	`last_sequence` bigint unsigned NOT NULL,
	`last_hash` char(64) NOT NULL,
	CONSTRAINT `audit_chain_head_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `audit_events` (
	`sequence` bigint unsigned NOT NULL,
	`event_id` char(36) NOT NULL,
	`event_type` varchar(100) NOT NULL,
	`event_version` smallint unsigned NOT NULL,
	`object_kind` varchar(32) NOT NULL,
	`object_id` varchar(64),
	`member_id` int unsigned,
	`actor_kind` varchar(16) NOT NULL,
	`actor_id` varchar(64),
	`occurred_at` datetime(3) NOT NULL,
	`recorded_at` datetime(3) NOT NULL,
	`fields` longtext NOT NULL,
	`previous_hash` char(64) NOT NULL,
	`hash` char(64) NOT NULL,
	CONSTRAINT `audit_events_sequence` PRIMARY KEY(`sequence`),
	CONSTRAINT `audit_events_event_id_unique` UNIQUE(`event_id`)
);
--> statement-breakpoint
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
CREATE INDEX `audit_events_object` ON `audit_events` (`object_kind`,`object_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `audit_events_member` ON `audit_events` (`member_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `audit_events_actor` ON `audit_events` (`actor_kind`,`actor_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `audit_events_type` ON `audit_events` (`event_type`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `audit_events_occurred` ON `audit_events` (`occurred_at`);--> statement-breakpoint
CREATE INDEX `inbox_processed` ON `inbox` (`processed_at`);--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`published_at`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_aggregate` ON `outbox` (`aggregate_id`,`id`);