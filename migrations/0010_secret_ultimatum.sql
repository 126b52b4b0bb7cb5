CREATE TABLE `review_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_replies_review` ON `review_replies` (`review_id`);--> statement-breakpoint
CREATE TABLE `planned_conversations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`organizer_id` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`meeting_url` text,
	`agenda` text NOT NULL,
	`kpi_keys` text DEFAULT '[]' NOT NULL,
	`review_id` integer,
	`status` text DEFAULT 'planned' NOT NULL,
	`reminder_sent_at` integer,
	`note_prompted_at` integer,
	`note_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organizer_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `conversations_person` ON `planned_conversations` (`person_id`);--> statement-breakpoint
CREATE INDEX `conversations_review` ON `planned_conversations` (`review_id`);--> statement-breakpoint
CREATE INDEX `conversations_remind` ON `planned_conversations` (`status`,`reminder_sent_at`,`starts_at`);--> statement-breakpoint
CREATE INDEX `conversations_note_prompt` ON `planned_conversations` (`status`,`note_prompted_at`,`ends_at`);--> statement-breakpoint
ALTER TABLE `people` ADD `hr_partner_id` text;