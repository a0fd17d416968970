CREATE TABLE `checkout_keys` (
	`member_id` int unsigned NOT NULL,
	`idempotency_key` varchar(255) NOT NULL,
	`request_hash` char(64) NOT NULL,
	`payment_id` int unsigned NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `checkout_keys_member_id_idempotency_key_pk` PRIMARY KEY(`member_id`,`idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `liqpay_callbacks` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`data` text NOT NULL,
	`signature` varchar(128) NOT NULL,
	`signature_valid` boolean NOT NULL,
	`order_id` varchar(64),
	`status` varchar(32),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `liqpay_callbacks_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`member_id` int unsigned NOT NULL,
	`kind` enum('contribution','payout','partial_payout') NOT NULL,
	`source` enum('liqpay','manual') NOT NULL,
	`state` enum('pending','confirmed','failed','reversed','flagged') NOT NULL,
	`amount` int unsigned NOT NULL,
	`currency` char(3) NOT NULL DEFAULT 'UAH',
	`order_id` varchar(64),
	`liqpay_payment_id` bigint unsigned,
	`liqpay_status` varchar(32),
	`flag` varchar(255),
	`confirmed_at` datetime(3),
	`paid_until` date,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `payments_id` PRIMARY KEY(`id`),
	CONSTRAINT `payments_order` UNIQUE(`order_id`)
);
--> statement-breakpoint
CREATE INDEX `checkout_keys_created` ON `checkout_keys` (`created_at`);--> statement-breakpoint
CREATE INDEX `liqpay_callbacks_order` ON `liqpay_callbacks` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `payments_member` ON `payments` (`member_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `payments_pending` ON `payments` (`state`,`created_at`);