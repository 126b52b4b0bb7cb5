ALTER TABLE `cycles` ADD `status` text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE `review_slots` ADD `nudge_week` text DEFAULT 'legacy';--> statement-breakpoint
CREATE INDEX `slots_manager_nudge_week` ON `review_slots` (`manager_id`,`nudge_week`);--> statement-breakpoint
CREATE INDEX `slots_nudge_week_status` ON `review_slots` (`nudge_week`,`status`);