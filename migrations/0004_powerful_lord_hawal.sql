ALTER TABLE `training_plans` ADD `completion_prompted_at` integer;--> statement-breakpoint
CREATE INDEX `training_completion_prompt` ON `training_plans` (`status`,`completion_prompted_at`);