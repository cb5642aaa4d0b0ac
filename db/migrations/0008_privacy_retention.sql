CREATE TABLE "maintenance_runs" (
	"job" text PRIMARY KEY NOT NULL,
	"last_run_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "practice_settings" ADD COLUMN "sent_email_retention_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_settings" ADD COLUMN "open_request_retention_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_settings" ADD COLUMN "past_consultation_retention_months" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "about_email" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "secrets" text[];--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "erase_after_send" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "body_purged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rate_limits" ADD COLUMN "window_seconds" integer DEFAULT 3600 NOT NULL;--> statement-breakpoint
CREATE INDEX "dev_mailbox_created_idx" ON "dev_mailbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "email_outbox_to_idx" ON "email_outbox" USING btree ("to");--> statement-breakpoint
CREATE INDEX "email_outbox_about_idx" ON "email_outbox" USING btree ("about_email");--> statement-breakpoint
ALTER TABLE "practice_settings" ADD CONSTRAINT "practice_settings_retention" CHECK ("practice_settings"."sent_email_retention_days" between 1 and 365 and "practice_settings"."open_request_retention_days" between 1 and 365 and "practice_settings"."past_consultation_retention_months" between 1 and 120);