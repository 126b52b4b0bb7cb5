CREATE TABLE `handbook_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`section` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`version` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `incidents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`rule_id` integer,
	`occurred_on` text NOT NULL,
	`description` text NOT NULL,
	`evidence` text NOT NULL,
	`reported_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rule_id`) REFERENCES `handbook_rules`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reported_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incidents_person` ON `incidents` (`person_id`);--> statement-breakpoint
ALTER TABLE `people` ADD `previous_month_wage` real;--> statement-breakpoint
ALTER TABLE `people` ADD `birth_date` text;--> statement-breakpoint
ALTER TABLE `people` ADD `retirement_basis` text;--> statement-breakpoint
ALTER TABLE `job_adjustments` ADD `basis` text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE `notes` ADD `terms` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `protected_statuses` ADD `citation` text DEFAULT '' NOT NULL;