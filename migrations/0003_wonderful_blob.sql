ALTER TABLE `outbox` ADD `sending_since` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `failing_since` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `failed_at` integer;--> statement-breakpoint
CREATE INDEX `outbox_address` ON `outbox` (`platform`,`address`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_queue` ON `outbox` (`platform`,`id`) WHERE status IN ('pending', 'sending');