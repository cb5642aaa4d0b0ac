CREATE TABLE "cancellation_fees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"percent" integer NOT NULL,
	"policy_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cancellation_fees_appointment_id_unique" UNIQUE("appointment_id"),
	CONSTRAINT "cancellation_fees_kind" CHECK ("cancellation_fees"."kind" in ('late', 'no_show')),
	CONSTRAINT "cancellation_fees_percent" CHECK ("cancellation_fees"."percent" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "cancellation_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"text" text NOT NULL,
	"hours_before" integer NOT NULL,
	"late_percent" integer NOT NULL,
	"no_show_percent" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cancellation_policies_text" CHECK (char_length("cancellation_policies"."text") between 1 and 4000),
	CONSTRAINT "cancellation_policies_hours" CHECK ("cancellation_policies"."hours_before" between 1 and 336),
	CONSTRAINT "cancellation_policies_percents" CHECK ("cancellation_policies"."late_percent" between 0 and 100 and "cancellation_policies"."no_show_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "policy_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"policy_id" uuid NOT NULL,
	"text_accepted" text NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_acceptances_once" UNIQUE("user_id","policy_id")
);
--> statement-breakpoint
ALTER TABLE "cancellation_fees" ADD CONSTRAINT "cancellation_fees_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancellation_fees" ADD CONSTRAINT "cancellation_fees_policy_id_cancellation_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."cancellation_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_acceptances" ADD CONSTRAINT "policy_acceptances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_acceptances" ADD CONSTRAINT "policy_acceptances_policy_id_cancellation_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."cancellation_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cancellation_policies_created_idx" ON "cancellation_policies" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "policy_acceptances_user_idx" ON "policy_acceptances" USING btree ("user_id","accepted_at");