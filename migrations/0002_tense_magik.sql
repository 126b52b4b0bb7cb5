CREATE TABLE `audit_checkpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day` text NOT NULL,
	`at` integer NOT NULL,
	`upto_id` integer NOT NULL,
	`row_count` integer NOT NULL,
	`head_hash` text NOT NULL,
	`mac` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_checkpoints_day` ON `audit_checkpoints` (`day`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `mac` text;