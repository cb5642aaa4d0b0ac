DROP INDEX "email_outbox_to_idx";--> statement-breakpoint
ALTER TABLE "availability_settings" ALTER COLUMN "confirm_window_minutes" SET DEFAULT 30;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "client_key" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "visitor_time_zone" text;--> statement-breakpoint
ALTER TABLE "availability_settings" ADD COLUMN "max_pending_per_client" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "availability_settings" ADD COLUMN "confirmation_emails_per_day" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_one_pending_per_email" ON "appointments" USING btree ("email") WHERE "appointments"."kind" = 'consultation' and "appointments"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "appointments_pending_client_idx" ON "appointments" USING btree ("client_key") WHERE "appointments"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "email_outbox_to_idx" ON "email_outbox" USING btree ("to","created_at");--> statement-breakpoint
ALTER TABLE "availability_settings" ADD CONSTRAINT "availability_settings_hold_rules" CHECK ("availability_settings"."max_pending_per_client" between 1 and 1000 and "availability_settings"."confirmation_emails_per_day" between 1 and 50);