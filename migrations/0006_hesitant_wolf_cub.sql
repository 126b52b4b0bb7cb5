CREATE TABLE `duty_gaps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`manager_id` text NOT NULL,
	`week` text NOT NULL,
	`gaps` text NOT NULL,
	`found_at` integer NOT NULL,
	FOREIGN KEY (`manager_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `duty_gaps_manager_week` ON `duty_gaps` (`manager_id`,`week`);--> statement-breakpoint
CREATE TABLE `warning_runs` (
	`week` text PRIMARY KEY NOT NULL,
	`finished_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `warnings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`manager_id` text NOT NULL,
	`department` text NOT NULL,
	`week` text NOT NULL,
	`raised_at` integer NOT NULL,
	`signals` text NOT NULL,
	`suggestion` text NOT NULL,
	`follow_up_kind` text,
	`follow_up_id` text,
	`follow_up_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `warnings_person_week` ON `warnings` (`person_id`,`week`);--> statement-breakpoint
CREATE INDEX `warnings_week` ON `warnings` (`week`);--> statement-breakpoint
CREATE INDEX `warnings_raised` ON `warnings` (`raised_at`);--> statement-breakpoint
ALTER TABLE `leaves` ADD `kind` text DEFAULT 'unspecified' NOT NULL;--> statement-breakpoint
CREATE INDEX `leaves_dates` ON `leaves` (`start_date`,`end_date`);