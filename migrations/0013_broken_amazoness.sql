CREATE TABLE `erasures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`sha256` text NOT NULL,
	`recorded_at` integer,
	`erased_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `erasures_person` ON `erasures` (`person_id`);--> statement-breakpoint
ALTER TABLE `people` ADD `inactive_since` integer;--> statement-breakpoint
ALTER TABLE `people` ADD `erased_at` integer;--> statement-breakpoint
-- People who were already inactive: their retention period counts from their last change.
UPDATE `people` SET `inactive_since` = `updated_at` WHERE `active` = 0;
