import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** The practice's own facts: one row (id = 1), edited by the coach, shown in Impressum and emails. */
export const practiceSettings = pgTable(
  "practice_settings",
  {
    id: integer("id").primaryKey().default(1),
    practiceName: text("practice_name").notNull(),
    coachName: text("coach_name").notNull().default(""),
    profession: text("profession").notNull().default(""),
    street: text("street").notNull().default(""),
    postalCode: text("postal_code").notNull().default(""),
    city: text("city").notNull().default(""),
    email: text("email").notNull().default(""),
    phone: text("phone").notNull().default(""),
    vatId: text("vat_id").notNull().default(""),
    timeZone: text("time_zone").notNull().default("Europe/Berlin"),
    /** How long before a confirmed appointment its reminder goes out. */
    reminderLeadMinutes: integer("reminder_lead_minutes").notNull().default(1440),
    /** SHA-256 of the secret in the coach's calendar subscription URL; null until one is made. */
    calendarFeedTokenHash: text("calendar_feed_token_hash").unique(),
    /** Retention, applied by the daily purge and stated in /datenschutz: the body of a sent email. */
    sentEmailRetentionDays: integer("sent_email_retention_days").notNull().default(30),
    /** Unconfirmed, expired and cancelled consultation requests of people who never became clients. */
    openRequestRetentionDays: integer("open_request_retention_days").notNull().default(30),
    /** Held (or missed) consultations of people who never became clients, counted from the appointment. */
    pastConsultationRetentionMonths: integer("past_consultation_retention_months").notNull().default(12),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("practice_settings_single_row", sql`${t.id} = 1`),
    check("practice_settings_reminder_lead", sql`${t.reminderLeadMinutes} between 0 and 10080`),
    check(
      "practice_settings_retention",
      sql`${t.sentEmailRetentionDays} between 1 and 365 and ${t.openRequestRetentionDays} between 1 and 365 and ${t.pastConsultationRetentionMonths} between 1 and 120`,
    ),
  ],
);
export type PracticeSettings = typeof practiceSettings.$inferSelect;
