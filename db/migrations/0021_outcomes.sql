CREATE TABLE "outcome_checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"local_date" date NOT NULL,
	"average_pain" integer NOT NULL,
	"worst_pain" integer NOT NULL,
	"interference" integer NOT NULL,
	"damage_belief" integer NOT NULL,
	"phq1" integer NOT NULL,
	"phq2" integer NOT NULL,
	"phq3" integer NOT NULL,
	"phq4" integer NOT NULL,
	"elevated" boolean NOT NULL,
	"coach_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_checkins_kind_check" CHECK ("outcome_checkins"."kind" in ('baseline', 'weekly', 'follow_up_3m', 'follow_up_6m', 'follow_up_12m')),
	CONSTRAINT "outcome_checkins_scale_check" CHECK ("outcome_checkins"."average_pain" between 0 and 10 and "outcome_checkins"."worst_pain" between 0 and 10 and "outcome_checkins"."interference" between 0 and 10 and "outcome_checkins"."damage_belief" between 0 and 10),
	CONSTRAINT "outcome_checkins_phq_check" CHECK ("outcome_checkins"."phq1" between 0 and 3 and "outcome_checkins"."phq2" between 0 and 3 and "outcome_checkins"."phq3" between 0 and 3 and "outcome_checkins"."phq4" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE "outcome_prompts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"email_sent_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_prompts_user_kind" UNIQUE("user_id","kind"),
	CONSTRAINT "outcome_prompts_kind_check" CHECK ("outcome_prompts"."kind" in ('baseline', 'follow_up_3m', 'follow_up_6m', 'follow_up_12m'))
);
--> statement-breakpoint
ALTER TABLE "outcome_checkins" ADD CONSTRAINT "outcome_checkins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_prompts" ADD CONSTRAINT "outcome_prompts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outcome_checkins_user_idx" ON "outcome_checkins" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "outcome_prompts_due_idx" ON "outcome_prompts" USING btree ("due_at");