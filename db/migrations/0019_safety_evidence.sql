CREATE TABLE "safety_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"author_id" text,
	"source" text NOT NULL,
	"text" text NOT NULL,
	"observed_on" date NOT NULL,
	"journal_entry_id" uuid,
	"rule" text,
	"evidence_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "safety_evidence_text_length" CHECK (char_length("safety_evidence"."text") between 1 and 500),
	CONSTRAINT "safety_evidence_source_check" CHECK ("safety_evidence"."source" in ('client', 'coach', 'suggestion')),
	CONSTRAINT "safety_evidence_rule_pair" CHECK (("safety_evidence"."rule" is null) = ("safety_evidence"."evidence_key" is null))
);
--> statement-breakpoint
CREATE TABLE "safety_suggestion_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"rule" text NOT NULL,
	"evidence_key" text NOT NULL,
	"decision" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "safety_suggestion_decisions_once" UNIQUE("client_id","rule","evidence_key"),
	CONSTRAINT "safety_suggestion_decision_check" CHECK ("safety_suggestion_decisions"."decision" in ('confirmed', 'dismissed')),
	CONSTRAINT "safety_suggestion_key_length" CHECK (char_length("safety_suggestion_decisions"."rule") <= 60 and char_length("safety_suggestion_decisions"."evidence_key") <= 200)
);
--> statement-breakpoint
ALTER TABLE "safety_evidence" ADD CONSTRAINT "safety_evidence_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_evidence" ADD CONSTRAINT "safety_evidence_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_evidence" ADD CONSTRAINT "safety_evidence_journal_entry_id_journal_entries_id_fk" FOREIGN KEY ("journal_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_suggestion_decisions" ADD CONSTRAINT "safety_suggestion_decisions_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "safety_evidence_client_idx" ON "safety_evidence" USING btree ("client_id","observed_on");