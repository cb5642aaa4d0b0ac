CREATE TABLE "audio_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audio_files_size" CHECK ("audio_files"."byte_size" > 0 and "audio_files"."byte_size" <= 31457280),
	CONSTRAINT "audio_files_type" CHECK ("audio_files"."content_type" in ('audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/wav', 'audio/webm'))
);
--> statement-breakpoint
CREATE TABLE "exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"builtin_key" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"minutes" integer NOT NULL,
	"audio_id" uuid,
	"created_by" text,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercises_builtin_key_unique" UNIQUE("builtin_key"),
	CONSTRAINT "exercises_kind" CHECK ("exercises"."kind" in ('somatic_tracking', 'safety_reappraisal', 'positive_affect', 'expressive_writing', 'graded_return', 'other')),
	CONSTRAINT "exercises_title_length" CHECK (char_length("exercises"."title") between 1 and 120),
	CONSTRAINT "exercises_summary_length" CHECK (char_length("exercises"."summary") <= 300),
	CONSTRAINT "exercises_body_length" CHECK (char_length("exercises"."body") between 1 and 8000),
	CONSTRAINT "exercises_minutes" CHECK ("exercises"."minutes" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "practice_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"exercise_id" uuid NOT NULL,
	"frequency" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_assignments_frequency" CHECK ("practice_assignments"."frequency" in ('daily', 'three_per_week', 'weekly')),
	CONSTRAINT "practice_assignments_note_length" CHECK (char_length("practice_assignments"."note") <= 500),
	CONSTRAINT "practice_assignments_ended" CHECK ("practice_assignments"."ended_on" is null or "practice_assignments"."ended_on" >= "practice_assignments"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "practice_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"exercise_id" uuid NOT NULL,
	"assignment_id" uuid,
	"practiced_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"fear_before" integer NOT NULL,
	"fear_after" integer NOT NULL,
	"intensity_before" integer NOT NULL,
	"intensity_after" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"feedback" text,
	"feedback_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_logs_minutes" CHECK ("practice_logs"."minutes" between 1 and 600),
	CONSTRAINT "practice_logs_scales" CHECK ("practice_logs"."fear_before" between 0 and 10 and "practice_logs"."fear_after" between 0 and 10 and "practice_logs"."intensity_before" between 0 and 10 and "practice_logs"."intensity_after" between 0 and 10),
	CONSTRAINT "practice_logs_note_length" CHECK (char_length("practice_logs"."note") <= 500),
	CONSTRAINT "practice_logs_feedback_length" CHECK ("practice_logs"."feedback" is null or char_length("practice_logs"."feedback") between 1 and 1000)
);
--> statement-breakpoint
ALTER TABLE "audio_files" ADD CONSTRAINT "audio_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_audio_id_audio_files_id_fk" FOREIGN KEY ("audio_id") REFERENCES "public"."audio_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_assignments" ADD CONSTRAINT "practice_assignments_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_assignments" ADD CONSTRAINT "practice_assignments_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_logs" ADD CONSTRAINT "practice_logs_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_logs" ADD CONSTRAINT "practice_logs_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_logs" ADD CONSTRAINT "practice_logs_assignment_id_practice_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."practice_assignments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_assignments_client_idx" ON "practice_assignments" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "practice_logs_client_date_idx" ON "practice_logs" USING btree ("client_id","practiced_on");