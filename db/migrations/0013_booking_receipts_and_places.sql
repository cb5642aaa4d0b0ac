CREATE TABLE "booking_receipts" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"appointment_id" uuid,
	"email" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"hold_until" timestamp with time zone NOT NULL,
	"resent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "availability_settings" ADD COLUMN "video_link" text;--> statement-breakpoint
ALTER TABLE "availability_settings" ADD COLUMN "phone_note" text;--> statement-breakpoint
ALTER TABLE "availability_settings" ADD COLUMN "in_person_address" text;--> statement-breakpoint
ALTER TABLE "booking_receipts" ADD CONSTRAINT "booking_receipts_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;