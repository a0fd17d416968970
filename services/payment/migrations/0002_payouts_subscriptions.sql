CREATE TABLE `request_grants` (
	`request_id` int unsigned NOT NULL,
	`member_id` int unsigned NOT NULL,
	`granted_amount` int unsigned,
	`assessed_at` datetime(3) NOT NULL,
	CONSTRAINT `request_grants_request_id` PRIMARY KEY(`request_id`)
);
--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`member_id` int unsigned NOT NULL,
	`order_id` varchar(64) NOT NULL,
	`amount` int unsigned NOT NULL,
	`currency` char(3) NOT NULL DEFAULT 'UAH',
	`state` enum('pending','active','cancelled','failed') NOT NULL,
	`liqpay_status` varchar(32),
	`cancelled_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `subscriptions_id` PRIMARY KEY(`id`),
	CONSTRAINT `subscriptions_order` UNIQUE(`order_id`)
);
--> statement-breakpoint
ALTER TABLE `payments` MODIFY COLUMN `amount` int NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `paid_on` date;--> statement-breakpoint
ALTER TABLE `payments` ADD `request_id` int unsigned;--> statement-breakpoint
ALTER TABLE `payments` ADD `iban` varchar(34);--> statement-breakpoint
ALTER TABLE `payments` ADD `reverses_payment_id` int unsigned;--> statement-breakpoint
ALTER TABLE `payments` ADD `subscription_id` int unsigned;--> statement-breakpoint
ALTER TABLE `payments` ADD `recorded_by` int unsigned;--> statement-breakpoint
ALTER TABLE `payments` ADD `note` varchar(500);--> statement-breakpoint
ALTER TABLE `payments` ADD CONSTRAINT `payments_liqpay_payment` UNIQUE(`liqpay_payment_id`);--> statement-breakpoint
ALTER TABLE `payments` ADD CONSTRAINT `payments_reverses` UNIQUE(`reverses_payment_id`);--> statement-breakpoint
CREATE INDEX `subscriptions_member` ON `subscriptions` (`member_id`,`state`);--> statement-breakpoint
CREATE INDEX `payments_request` ON `payments` (`request_id`);--> statement-breakpoint
CREATE INDEX `payments_paid_on` ON `payments` (`paid_on`);--> statement-breakpoint
CREATE INDEX `payments_created` ON `payments` (`created_at`);