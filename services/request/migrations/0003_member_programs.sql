CREATE TABLE `member_programs` (
	`member_id` int unsigned NOT NULL,
	`program_id` int unsigned NOT NULL,
	`approved_at` datetime(3) NOT NULL,
	CONSTRAINT `member_programs_member_id` PRIMARY KEY(`member_id`)
);
--> statement-breakpoint
CREATE INDEX `member_programs_program` ON `member_programs` (`program_id`);