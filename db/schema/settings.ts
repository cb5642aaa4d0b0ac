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
    /** Billing (lib/billing): the tax mode, printed on every invoice with its sentence. */
    taxMode: text("tax_mode", { enum: ["small_business", "vat", "exempt"] })
      .notNull()
      .default("small_business"),
    /** The legal note printed when the practice's services are exempt (e.g. § 4 Nr. 14 UStG). */
    exemptionNote: text("exemption_note").notNull().default(""),
    taxNumber: text("tax_number").notNull().default(""),
    iban: text("iban").notNull().default(""),
    bic: text("bic").notNull().default(""),
    accountHolder: text("account_holder").notNull().default(""),
    paymentTermDays: integer("payment_term_days").notNull().default(14),
    /** Days after the due date when the friendly reminder goes out; 0: never. */
    paymentReminderDays: integer("payment_reminder_days").notNull().default(7),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("practice_settings_single_row", sql`${t.id} = 1`),
    check("practice_settings_reminder_lead", sql`${t.reminderLeadMinutes} between 0 and 10080`),
    check("practice_settings_tax_mode", sql`${t.taxMode} in ('small_business', 'vat', 'exempt')`),
    check("practice_settings_payment_days", sql`${t.paymentTermDays} between 0 and 90 and ${t.paymentReminderDays} between 0 and 90`),
    check(
      "practice_settings_retention",
      sql`${t.sentEmailRetentionDays} between 1 and 365 and ${t.openRequestRetentionDays} between 1 and 365 and ${t.pastConsultationRetentionMonths} between 1 and 120`,
    ),
  ],
);
export type PracticeSettings = typeof practiceSettings.$inferSelect;
