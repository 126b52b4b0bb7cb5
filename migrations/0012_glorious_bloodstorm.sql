ALTER TABLE `kpis` ADD `min` real;--> statement-breakpoint
ALTER TABLE `kpis` ADD `max` real;