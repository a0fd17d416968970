CREATE TABLE `liqpay_callback_rejections` (
	`day` date NOT NULL,
	`reason` enum('bad_signature','oversized','malformed') NOT NULL,
	`count` int unsigned NOT NULL,
	`first_at` datetime(3) NOT NULL,
	`last_at` datetime(3) NOT NULL,
	`last_data_length` int unsigned,
	`last_data_sha256` char(64),
	CONSTRAINT `liqpay_callback_rejections_day_reason_pk` PRIMARY KEY(`day`,`reason`)
);
