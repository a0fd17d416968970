CREATE TABLE `member_request_locks` (
	`member_id` int unsigned NOT NULL,
	CONSTRAINT `member_request_locks_member_id` PRIMARY KEY(`member_id`)
);
--> statement-breakpoint
CREATE TABLE `member_requests` (
	`request_id` int unsigned NOT NULL,
	`member_id` int unsigned NOT NULL,
	`waiting_for_staff` boolean NOT NULL,
	`version` int unsigned NOT NULL,
	CONSTRAINT `member_requests_request_id` PRIMARY KEY(`request_id`)
);
--> statement-breakpoint
CREATE INDEX `member_requests_waiting` ON `member_requests` (`member_id`,`waiting_for_staff`);