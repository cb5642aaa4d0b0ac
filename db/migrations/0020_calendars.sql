CREATE TABLE "calendar_busy" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"calendar_id" uuid NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"uid" text NOT NULL,
	"title" text,
	"all_day" boolean DEFAULT false NOT NULL,
	CONSTRAINT "calendar_busy_range_check" CHECK ("calendar_busy"."end_at" > "calendar_busy"."start_at")
);
--> statement-breakpoint
CREATE TABLE "calendar_calendars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"href" text NOT NULL,
	"display_name" text NOT NULL,
	"busy" boolean DEFAULT true NOT NULL,
	"writable" boolean DEFAULT false NOT NULL,
	"version" text,
	"expanded_until" timestamp with time zone,
	CONSTRAINT "calendar_calendars_connection_href" UNIQUE("connection_id","href")
);
--> statement-breakpoint
CREATE TABLE "calendar_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coach_id" text NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"server_url" text,
	"username" text,
	"secret" text NOT NULL,
	"show_titles" boolean DEFAULT false NOT NULL,
	"last_sync_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"claimed_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_connections_kind_check" CHECK ("calendar_connections"."kind" in ('caldav', 'ical')),
	CONSTRAINT "calendar_connections_label_check" CHECK (char_length("calendar_connections"."label") between 1 and 80)
);
--> statement-breakpoint
CREATE TABLE "calendar_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"write_calendar_id" uuid,
	"full_names" boolean DEFAULT false NOT NULL,
	CONSTRAINT "calendar_settings_singleton" CHECK ("calendar_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "calendar_writes" (
	"appointment_id" uuid PRIMARY KEY NOT NULL,
	"calendar_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_writes_status_check" CHECK ("calendar_writes"."status" in ('queued', 'sending', 'done', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "calendar_busy" ADD CONSTRAINT "calendar_busy_calendar_id_calendar_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendar_calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_calendars" ADD CONSTRAINT "calendar_calendars_connection_id_calendar_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."calendar_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_connections" ADD CONSTRAINT "calendar_connections_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_settings" ADD CONSTRAINT "calendar_settings_write_calendar_id_calendar_calendars_id_fk" FOREIGN KEY ("write_calendar_id") REFERENCES "public"."calendar_calendars"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_writes" ADD CONSTRAINT "calendar_writes_calendar_id_calendar_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendar_calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_busy_range_idx" ON "calendar_busy" USING btree ("start_at","end_at");--> statement-breakpoint
CREATE INDEX "calendar_writes_due_idx" ON "calendar_writes" USING btree ("status","next_attempt_at");