CREATE TABLE `membership_extensions` (
	`payment_id` int unsigned NOT NULL,
	`member_id` int unsigned NOT NULL,
	`amount` int unsigned NOT NULL,
	`program_id` int unsigned NOT NULL,
	`days` int unsigned NOT NULL,
	`previous_paid_until` date,
	`paid_until` date,
	`refunded_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `membership_extensions_payment_id` PRIMARY KEY(`payment_id`)
);
--> statement-breakpoint
CREATE INDEX `membership_extensions_member` ON `membership_extensions` (`member_id`,`created_at`);