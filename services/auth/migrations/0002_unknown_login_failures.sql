CREATE TABLE `unknown_login_failures` (
	`login` varchar(64) NOT NULL,
	`failed_attempts` smallint unsigned NOT NULL DEFAULT 0,
	`locked_until` datetime(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `unknown_login_failures_login` PRIMARY KEY(`login`)
);
--> statement-breakpoint
CREATE INDEX `unknown_login_failures_updated` ON `unknown_login_failures` (`updated_at`);