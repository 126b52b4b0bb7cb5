CREATE TABLE `kpi_actuals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`kpi_key` text NOT NULL,
	`period` text NOT NULL,
	`value` real NOT NULL,
	`source` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`via` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kpi_actuals_identity` ON `kpi_actuals` (`person_id`,`kpi_key`,`period`,`source`);--> statement-breakpoint
CREATE INDEX `kpi_actuals_person_period` ON `kpi_actuals` (`person_id`,`period`);--> statement-breakpoint
ALTER TABLE `kpis` ADD `source` text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE `review_kpi_results` ADD `imported_value` real;--> statement-breakpoint
ALTER TABLE `review_kpi_results` ADD `imported_source` text;--> statement-breakpoint
ALTER TABLE `review_kpi_results` ADD `change_reason` text;