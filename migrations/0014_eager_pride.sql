ALTER TABLE `outbox` ADD `lasting` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_lasting` ON `outbox` (`platform`,`sent_at`) WHERE lasting = 1;