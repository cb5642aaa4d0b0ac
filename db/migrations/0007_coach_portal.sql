CREATE TABLE "session_notes" (
	"appointment_id" uuid PRIMARY KEY NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"channel" text DEFAULT 'video' NOT NULL,
	"default_location" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_types_duration" CHECK ("session_types"."duration_minutes" between 10 and 480),
	CONSTRAINT "session_types_channel" CHECK ("session_types"."channel" in ('video', 'phone', 'in_person'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "client_status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_settings" ADD COLUMN "reminder_lead_minutes" integer DEFAULT 1440 NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_settings" ADD COLUMN "calendar_feed_token_hash" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "session_type_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "note_to_client" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "homework" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "reminder_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_session_type_id_session_types_id_fk" FOREIGN KEY ("session_type_id") REFERENCES "public"."session_types"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_settings" ADD CONSTRAINT "practice_settings_calendar_feed_token_hash_unique" UNIQUE("calendar_feed_token_hash");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_client_status_check" CHECK ("users"."client_status" in ('active', 'paused', 'finished'));--> statement-breakpoint
ALTER TABLE "practice_settings" ADD CONSTRAINT "practice_settings_reminder_lead" CHECK ("practice_settings"."reminder_lead_minutes" between 0 and 10080);--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_channel_check" CHECK ("appointments"."channel" in ('video', 'phone', 'in_person'));