ALTER TABLE `planned_conversations` ADD `sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `planned_conversations` ADD `changed_at` integer;