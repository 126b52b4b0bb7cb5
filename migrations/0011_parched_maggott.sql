CREATE TABLE `form_snapshots` (
	`key` text PRIMARY KEY NOT NULL,
	`form` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `form_snapshots_created` ON `form_snapshots` (`created_at`);