CREATE TABLE "reminder_preferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"hour" integer DEFAULT 20 NOT NULL,
	"weekday" integer,
	"last_sent_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_preferences_user_kind" UNIQUE("user_id","kind"),
	CONSTRAINT "reminder_preferences_kind_check" CHECK ("reminder_preferences"."kind" in ('journal_daily', 'weekly_checkin')),
	CONSTRAINT "reminder_preferences_hour_check" CHECK ("reminder_preferences"."hour" between 0 and 23),
	CONSTRAINT "reminder_preferences_weekday_check" CHECK ("reminder_preferences"."weekday" is null or "reminder_preferences"."weekday" between 1 and 7)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "headers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "reminder_preferences" ADD CONSTRAINT "reminder_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;