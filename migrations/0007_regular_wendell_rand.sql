CREATE TABLE `form_submissions` (
	`key` text PRIMARY KEY NOT NULL,
	`actor_id` text NOT NULL,
	`reply` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `form_submissions_at` ON `form_submissions` (`at`);--> statement-breakpoint
CREATE INDEX `processed_events_received` ON `processed_events` (`received_at`);