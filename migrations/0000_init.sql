CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`duties` text DEFAULT '' NOT NULL,
	`requirements` text DEFAULT '' NOT NULL,
	`kpi_version` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `kpis` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` text NOT NULL,
	`version` integer NOT NULL,
	`position` integer NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`target` real NOT NULL,
	`direction` text NOT NULL,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kpis_job_version_key` ON `kpis` (`job_id`,`version`,`key`);--> statement-breakpoint
CREATE TABLE `leaves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `leaves_person` ON `leaves` (`person_id`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`manager_id` text,
	`department` text NOT NULL,
	`job_id` text,
	`role` text DEFAULT 'employee' NOT NULL,
	`slack_id` text,
	`feishu_open_id` text,
	`locale` text,
	`timezone` text,
	`hire_date` text,
	`team_channel_slack` text,
	`team_channel_feishu` text,
	`monthly_wage` real,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_email` ON `people` (`email`);--> statement-breakpoint
CREATE INDEX `people_manager` ON `people` (`manager_id`);--> statement-breakpoint
CREATE INDEX `people_slack` ON `people` (`slack_id`);--> statement-breakpoint
CREATE INDEX `people_feishu` ON `people` (`feishu_open_id`);--> statement-breakpoint
CREATE TABLE `acknowledgments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`person_id` text NOT NULL,
	`state` text NOT NULL,
	`comment` text,
	`witness_id` text,
	`recorded_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`witness_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `acks_subject_person` ON `acknowledgments` (`subject_type`,`subject_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `cycles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department` text NOT NULL,
	`cadence` text NOT NULL,
	`label` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`opened_at` integer NOT NULL,
	`opened_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cycles_department_period` ON `cycles` (`department`,`period_start`);--> statement-breakpoint
CREATE TABLE `review_amendments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`author_id` text NOT NULL,
	`reason` text NOT NULL,
	`before` text NOT NULL,
	`after` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `review_kpi_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`kpi_key` text NOT NULL,
	`kpi_name` text NOT NULL,
	`unit` text NOT NULL,
	`target` real NOT NULL,
	`direction` text NOT NULL,
	`actual` real NOT NULL,
	`met` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `results_review_kpi` ON `review_kpi_results` (`review_id`,`kpi_key`);--> statement-breakpoint
CREATE TABLE `review_slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`manager_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`due_at` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`escalation_level` integer DEFAULT -1 NOT NULL,
	`next_reminder_at` integer,
	`digest_sent` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `slots_cycle_employee` ON `review_slots` (`cycle_id`,`employee_id`);--> statement-breakpoint
CREATE INDEX `slots_manager_status` ON `review_slots` (`manager_id`,`status`);--> statement-breakpoint
CREATE INDEX `slots_status_due` ON `review_slots` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `slots_status_next_reminder` ON `review_slots` (`status`,`next_reminder_at`);--> statement-breakpoint
CREATE INDEX `slots_digest_due` ON `review_slots` (`digest_sent`,`due_at`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slot_id` integer,
	`kind` text DEFAULT 'regular' NOT NULL,
	`training_plan_id` integer,
	`employee_id` text NOT NULL,
	`author_id` text NOT NULL,
	`job_id` text NOT NULL,
	`kpi_version` integer NOT NULL,
	`period_label` text NOT NULL,
	`rating` integer NOT NULL,
	`strengths` text DEFAULT '' NOT NULL,
	`improvement` text DEFAULT '' NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`below_target` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	`amended_at` integer,
	FOREIGN KEY (`slot_id`) REFERENCES `review_slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_slot` ON `reviews` (`slot_id`);--> statement-breakpoint
CREATE INDEX `reviews_employee_time` ON `reviews` (`employee_id`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`person_id` text NOT NULL,
	`status` text NOT NULL,
	`method` text NOT NULL,
	`reason` text,
	`recorded_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_session_person` ON `attendance` (`session_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `job_adjustments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`from_job_id` text NOT NULL,
	`to_job_id` text NOT NULL,
	`reason` text NOT NULL,
	`kpi_keys` text DEFAULT '[]' NOT NULL,
	`effective_on` text NOT NULL,
	`applied_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `job_adjustments_person` ON `job_adjustments` (`person_id`);--> statement-breakpoint
CREATE INDEX `job_adjustments_due` ON `job_adjustments` (`applied_at`,`effective_on`);--> statement-breakpoint
CREATE TABLE `note_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`note_id` integer NOT NULL,
	`description` text NOT NULL,
	`owner_id` text NOT NULL,
	`due_on` text NOT NULL,
	`done_at` integer,
	`reminded_at` integer,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `note_actions_note` ON `note_actions` (`note_id`);--> statement-breakpoint
CREATE INDEX `note_actions_remind` ON `note_actions` (`reminded_at`,`due_on`);--> statement-breakpoint
CREATE TABLE `notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`author_id` text NOT NULL,
	`kind` text NOT NULL,
	`held_on` text NOT NULL,
	`discussion` text NOT NULL,
	`kpi_keys` text NOT NULL,
	`next_check_in` text,
	`visibility` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notes_person` ON `notes` (`person_id`);--> statement-breakpoint
CREATE TABLE `training_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`created_by` text NOT NULL,
	`job_id` text NOT NULL,
	`kpi_version` integer NOT NULL,
	`kpi_keys` text NOT NULL,
	`goal` text NOT NULL,
	`content` text NOT NULL,
	`trainer` text NOT NULL,
	`trainer_id` text,
	`expected_result` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`completed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trainer_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_person` ON `training_plans` (`person_id`);--> statement-breakpoint
CREATE TABLE `training_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`location` text NOT NULL,
	`prompted_at` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `training_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_plan` ON `training_sessions` (`plan_id`);--> statement-breakpoint
CREATE INDEX `sessions_prompt` ON `training_sessions` (`prompted_at`,`starts_at`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`step` text NOT NULL,
	`actor_id` text NOT NULL,
	`outcome` text NOT NULL,
	`detail` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case` ON `case_events` (`case_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`employee_id` text NOT NULL,
	`opened_by` text NOT NULL,
	`reason_kind` text NOT NULL,
	`reason_text` text DEFAULT '' NOT NULL,
	`policy_id` text NOT NULL,
	`policy_version` text NOT NULL,
	`policy_snapshot` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`step_index` integer DEFAULT 0 NOT NULL,
	`confirmations` text DEFAULT '{}' NOT NULL,
	`settlement` text,
	`opened_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`employee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cases_employee` ON `cases` (`employee_id`);--> statement-breakpoint
CREATE INDEX `cases_status` ON `cases` (`status`);--> statement-breakpoint
CREATE INDEX `cases_employee_status` ON `cases` (`employee_id`,`status`);--> statement-breakpoint
CREATE TABLE `protected_statuses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`detail` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_subject` ON `audit_log` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`platform` text NOT NULL,
	`key` text NOT NULL,
	`op` text NOT NULL,
	`address` text NOT NULL,
	`target_key` text,
	`thread_key` text,
	`locale` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`sent_ref` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_platform_key` ON `outbox` (`platform`,`key`);--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`platform`,`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_target` ON `outbox` (`platform`,`target_key`);--> statement-breakpoint
CREATE TABLE `processed_events` (
	`key` text PRIMARY KEY NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `local_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation` text NOT NULL,
	`thread_id` integer,
	`locale` text NOT NULL,
	`payload` text NOT NULL,
	`kind` text DEFAULT 'message' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `local_messages_conversation` ON `local_messages` (`conversation`,`id`);--> statement-breakpoint
CREATE INDEX `local_messages_thread` ON `local_messages` (`thread_id`);