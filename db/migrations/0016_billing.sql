CREATE TABLE "billing_addresses" (
	"user_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"street" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"country" text DEFAULT 'Deutschland' NOT NULL,
	"pdf_by_email" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_addresses_lengths" CHECK (char_length("billing_addresses"."name") between 1 and 200 and char_length("billing_addresses"."street") between 1 and 200 and char_length("billing_addresses"."postal_code") between 1 and 20 and char_length("billing_addresses"."city") between 1 and 100 and char_length("billing_addresses"."country") between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "billing_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"appointment_id" uuid,
	"package_id" uuid,
	CONSTRAINT "billing_claims_appointment_id_unique" UNIQUE("appointment_id"),
	CONSTRAINT "billing_claims_package_id_unique" UNIQUE("package_id"),
	CONSTRAINT "billing_claims_one_item" CHECK (("billing_claims"."appointment_id" is null) <> ("billing_claims"."package_id" is null))
);
--> statement-breakpoint
CREATE TABLE "invoice_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_events_once" UNIQUE("invoice_id","kind"),
	CONSTRAINT "invoice_events_kind" CHECK ("invoice_events"."kind" in ('reminder_sent', 'restricted'))
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"service_date" date NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"gross_cents" integer NOT NULL,
	"appointment_id" uuid,
	"package_id" uuid,
	CONSTRAINT "invoice_lines_position" UNIQUE("invoice_id","position"),
	CONSTRAINT "invoice_lines_quantity" CHECK ("invoice_lines"."quantity" between 1 and 1000),
	CONSTRAINT "invoice_lines_description" CHECK (char_length("invoice_lines"."description") between 1 and 300)
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'invoice' NOT NULL,
	"client_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"year" integer,
	"sequence" integer,
	"number" text,
	"cancels" uuid,
	"issue_date" date,
	"due_date" date,
	"service_from" date,
	"service_until" date,
	"issuer" jsonb,
	"recipient" jsonb,
	"recipient_email" text,
	"tax_mode" text,
	"tax_rate" integer DEFAULT 0 NOT NULL,
	"tax_note" text DEFAULT '' NOT NULL,
	"gross_cents" integer DEFAULT 0 NOT NULL,
	"net_cents" integer DEFAULT 0 NOT NULL,
	"tax_cents" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_at" timestamp with time zone,
	CONSTRAINT "invoices_year_sequence" UNIQUE("year","sequence"),
	CONSTRAINT "invoices_number" UNIQUE("number"),
	CONSTRAINT "invoices_kind_check" CHECK ("invoices"."kind" in ('invoice', 'cancellation')),
	CONSTRAINT "invoices_status_check" CHECK ("invoices"."status" in ('draft', 'issued')),
	CONSTRAINT "invoices_issued_complete" CHECK ("invoices"."status" = 'draft' or ("invoices"."number" is not null and "invoices"."year" is not null and "invoices"."sequence" is not null and "invoices"."issue_date" is not null and "invoices"."issuer" is not null and "invoices"."recipient" is not null and "invoices"."tax_mode" is not null)),
	CONSTRAINT "invoices_cancellation_refers" CHECK (("invoices"."kind" = 'cancellation') = ("invoices"."cancels" is not null)),
	CONSTRAINT "invoices_amounts" CHECK ("invoices"."gross_cents" = "invoices"."net_cents" + "invoices"."tax_cents"),
	CONSTRAINT "invoices_tax_rate" CHECK ("invoices"."tax_rate" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "package_credits" (
	"appointment_id" uuid PRIMARY KEY NOT NULL,
	"package_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	"paid_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount" CHECK ("payments"."amount_cents" between 1 and 10000000),
	CONSTRAINT "payments_note" CHECK (char_length("payments"."note") <= 300)
);
--> statement-breakpoint
CREATE TABLE "session_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"title" text NOT NULL,
	"sessions" integer NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"price_cents" integer NOT NULL,
	"expires_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_packages_sessions" CHECK ("session_packages"."sessions" between 1 and 100),
	CONSTRAINT "session_packages_used" CHECK ("session_packages"."used" between 0 and "session_packages"."sessions"),
	CONSTRAINT "session_packages_price" CHECK ("session_packages"."price_cents" between 0 and 10000000)
);
--> statement-breakpoint
ALTER TABLE "practice_settings" ADD COLUMN "tax_mode" text DEFAULT 'small_business' NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_settings" ADD COLUMN "exemption_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_settings" ADD COLUMN "tax_number" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_settings" ADD COLUMN "iban" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_settings" ADD COLUMN "bic" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_settings" ADD COLUMN "account_holder" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_settings" ADD COLUMN "payment_term_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_settings" ADD COLUMN "payment_reminder_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "session_types" ADD COLUMN "price_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_addresses" ADD CONSTRAINT "billing_addresses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_claims" ADD CONSTRAINT "billing_claims_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_events" ADD CONSTRAINT "invoice_events_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_credits" ADD CONSTRAINT "package_credits_package_id_session_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."session_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_packages" ADD CONSTRAINT "session_packages_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_one_cancellation" ON "invoices" USING btree ("cancels") WHERE "invoices"."cancels" is not null;--> statement-breakpoint
CREATE INDEX "invoices_client_idx" ON "invoices" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "package_credits_package_idx" ON "package_credits" USING btree ("package_id");--> statement-breakpoint
CREATE INDEX "payments_invoice_idx" ON "payments" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "session_packages_client_idx" ON "session_packages" USING btree ("client_id");--> statement-breakpoint
ALTER TABLE "practice_settings" ADD CONSTRAINT "practice_settings_tax_mode" CHECK ("practice_settings"."tax_mode" in ('small_business', 'vat', 'exempt'));--> statement-breakpoint
ALTER TABLE "practice_settings" ADD CONSTRAINT "practice_settings_payment_days" CHECK ("practice_settings"."payment_term_days" between 0 and 90 and "practice_settings"."payment_reminder_days" between 0 and 90);--> statement-breakpoint
ALTER TABLE "session_types" ADD CONSTRAINT "session_types_price" CHECK ("session_types"."price_cents" between 0 and 10000000);