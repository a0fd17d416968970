CREATE TABLE `waiting_contributions` (
	`payment_id` int unsigned NOT NULL,
	`member_id` int unsigned NOT NULL,
	`amount` int unsigned NOT NULL,
	`applied_at` datetime(3),
	`refunded_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `waiting_contributions_payment_id` PRIMARY KEY(`payment_id`)
);
--> statement-breakpoint
CREATE INDEX `waiting_contributions_member` ON `waiting_contributions` (`member_id`,`applied_at`,`refunded_at`);