CREATE TABLE `search_index_epoch` (
	`id` int unsigned NOT NULL,
	`epoch` bigint unsigned NOT NULL,
	CONSTRAINT `search_index_epoch_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `seed_imports` (
	`seed_table` varchar(32) NOT NULL,
	`seed_key` varchar(128) NOT NULL,
	`file_name` varchar(64),
	`sha256` char(64),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `seed_imports_key` PRIMARY KEY(`seed_table`,`seed_key`)
);
