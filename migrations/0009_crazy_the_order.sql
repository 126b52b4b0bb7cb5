DROP INDEX `attendance_session_person`;--> statement-breakpoint
CREATE INDEX `attendance_session_person` ON `attendance` (`session_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `review_amendments_review` ON `review_amendments` (`review_id`);