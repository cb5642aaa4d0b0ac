CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coach_id" text NOT NULL,
	"client_id" text,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"blocked_from" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"channel" text DEFAULT 'video' NOT NULL,
	"message" text,
	"consent_version" text,
	"consent_at" timestamp with time zone,
	"pending_expires_at" timestamp with time zone,
	"confirm_token_hash" text,
	"manage_token_hash" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	"cancel_reason" text,
	"cancelled_by" text,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_confirm_token_hash_unique" UNIQUE("confirm_token_hash"),
	CONSTRAINT "appointments_manage_token_hash_unique" UNIQUE("manage_token_hash"),
	CONSTRAINT "appointments_kind_check" CHECK ("appointments"."kind" in ('consultation', 'session')),
	CONSTRAINT "appointments_status_check" CHECK ("appointments"."status" in ('pending', 'confirmed', 'cancelled', 'expired', 'completed', 'no_show')),
	CONSTRAINT "appointments_time_order" CHECK ("appointments"."start_at" < "appointments"."end_at"),
	CONSTRAINT "appointments_blocked_covers" CHECK ("appointments"."blocked_from" = "appointments"."start_at" - make_interval(mins => "appointments"."buffer_before_minutes") and "appointments"."blocked_until" = "appointments"."end_at" + make_interval(mins => "appointments"."buffer_after_minutes")),
	CONSTRAINT "appointments_pending_expires" CHECK ("appointments"."status" <> 'pending' or "appointments"."pending_expires_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "availability_overrides" (
	"date" text PRIMARY KEY NOT NULL,
	"ranges" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "availability_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"weekly" jsonb NOT NULL,
	"duration_minutes" integer DEFAULT 30 NOT NULL,
	"buffer_before_minutes" integer DEFAULT 10 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 10 NOT NULL,
	"minimum_notice_minutes" integer DEFAULT 1440 NOT NULL,
	"horizon_days" integer DEFAULT 60 NOT NULL,
	"max_per_day" integer,
	"slot_interval_minutes" integer DEFAULT 30 NOT NULL,
	"cancellation_cutoff_minutes" integer DEFAULT 1440 NOT NULL,
	"confirm_window_minutes" integer DEFAULT 120 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_settings_single_row" CHECK ("availability_settings"."id" = 1),
	CONSTRAINT "availability_settings_ranges" CHECK ("availability_settings"."duration_minutes" between 10 and 240 and "availability_settings"."buffer_before_minutes" between 0 and 120 and "availability_settings"."buffer_after_minutes" between 0 and 120
        and "availability_settings"."minimum_notice_minutes" between 0 and 43200 and "availability_settings"."horizon_days" between 1 and 365 and ("availability_settings"."max_per_day" is null or "availability_settings"."max_per_day" between 1 and 50)
        and "availability_settings"."slot_interval_minutes" between 5 and 240 and "availability_settings"."cancellation_cutoff_minutes" between 0 and 20160 and "availability_settings"."confirm_window_minutes" between 10 and 2880)
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_start_idx" ON "appointments" USING btree ("start_at");--> statement-breakpoint
CREATE INDEX "appointments_client_idx" ON "appointments" USING btree ("client_id","start_at");