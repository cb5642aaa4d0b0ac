import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

export type TimeRangeJson = { start: string; end: string };
/** Kept as plain JSON so the schema does not depend on lib/; scored by lib/checks when attached. */
export type AttachedSelfCheck = {
  version: number;
  answers: { signs: Record<string, boolean>; redFlags: Record<string, boolean> };
  score: number;
  band: string;
  redFlag: boolean;
};
export type WeeklyHoursJson = Partial<Record<"1" | "2" | "3" | "4" | "5" | "6" | "7", TimeRangeJson[]>>;

/** How the free consultation can be booked: one row (id = 1), edited by the coach. */
export const availabilitySettings = pgTable(
  "availability_settings",
  {
    id: integer("id").primaryKey().default(1),
    weekly: jsonb("weekly").$type<WeeklyHoursJson>().notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(30),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(10),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(10),
    minimumNoticeMinutes: integer("minimum_notice_minutes").notNull().default(1440),
    horizonDays: integer("horizon_days").notNull().default(60),
    maxPerDay: integer("max_per_day"),
    slotIntervalMinutes: integer("slot_interval_minutes").notNull().default(30),
    cancellationCutoffMinutes: integer("cancellation_cutoff_minutes").notNull().default(1440),
    /** How long an unconfirmed booking holds its slot: short, so that holding is cheap to give and useless to hoard. */
    confirmWindowMinutes: integer("confirm_window_minutes").notNull().default(30),
    /** Unconfirmed bookings one client address (the hashed IP) may hold at once. */
    maxPendingPerClient: integer("max_pending_per_client").notNull().default(2),
    /** Confirmation requests one email address gets in 24 hours; after that the answer stays the same and nothing is sent. */
    confirmationEmailsPerDay: integer("confirmation_emails_per_day").notNull().default(3),
    /** Where a consultation takes place unless the coach set a place on the appointment: one default per channel. */
    videoLink: text("video_link"), // https only (lib/booking/places.ts)
    phoneNote: text("phone_note"),
    inPersonAddress: text("in_person_address"),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("availability_settings_single_row", sql`${t.id} = 1`),
    check(
      "availability_settings_ranges",
      sql`${t.durationMinutes} between 10 and 240 and ${t.bufferBeforeMinutes} between 0 and 120 and ${t.bufferAfterMinutes} between 0 and 120
        and ${t.minimumNoticeMinutes} between 0 and 43200 and ${t.horizonDays} between 1 and 365 and (${t.maxPerDay} is null or ${t.maxPerDay} between 1 and 50)
        and ${t.slotIntervalMinutes} between 5 and 240 and ${t.cancellationCutoffMinutes} between 0 and 20160 and ${t.confirmWindowMinutes} between 10 and 2880`,
    ),
    check(
      "availability_settings_hold_rules",
      sql`${t.maxPendingPerClient} between 1 and 1000 and ${t.confirmationEmailsPerDay} between 1 and 50`,
    ),
  ],
);
export type AvailabilitySettings = typeof availabilitySettings.$inferSelect;

/** A date with other hours than usual; no ranges = closed (holiday, vacation). */
export const availabilityOverrides = pgTable("availability_overrides", {
  date: text("date").primaryKey(), // YYYY-MM-DD in the practice zone
  ranges: jsonb("ranges").$type<TimeRangeJson[]>().notNull(),
  note: text("note").notNull().default(""),
});
export type AvailabilityOverride = typeof availabilityOverrides.$inferSelect;

/** Kinds of coaching session the coach offers (e.g. "Coaching 50 min"), with their defaults. */
export const sessionTypes = pgTable(
  "session_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    channel: text("channel", { enum: ["video", "phone", "in_person"] }).notNull().default("video"),
    /** A video link or an address, used when a session of this type is scheduled. */
    defaultLocation: text("default_location").notNull().default(""),
    /** The gross price of one session of this type, in cents (lib/billing). */
    priceCents: integer("price_cents").notNull().default(0),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("session_types_duration", sql`${t.durationMinutes} between 10 and 480`),
    check("session_types_price", sql`${t.priceCents} between 0 and 10000000`),
    check("session_types_channel", sql`${t.channel} in ('video', 'phone', 'in_person')`),
  ],
);
export type SessionType = typeof sessionTypes.$inferSelect;

export const appointmentKinds = ["consultation", "session"] as const;
export const appointmentStatuses = ["pending", "confirmed", "cancelled", "expired", "completed", "no_show"] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];
/** Statuses that hold their time: the exclusion constraint covers exactly these. */
export const activeStatuses = ["pending", "confirmed"] as const satisfies readonly AppointmentStatus[];

/**
 * Consultations and coaching sessions in one table, so one exclusion constraint (see the custom
 * migration) keeps any two active appointments from overlapping, buffers included.
 */
export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coachId: text("coach_id")
      .notNull()
      .references(() => users.id),
    clientId: text("client_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind", { enum: appointmentKinds }).notNull(),
    status: text("status", { enum: appointmentStatuses }).notNull(),
    startAt: timestamp("start_at", { mode: "date", withTimezone: true }).notNull(),
    endAt: timestamp("end_at", { mode: "date", withTimezone: true }).notNull(),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    /** start - buffer before, and end + buffer after: the time the appointment keeps free of others. */
    blockedFrom: timestamp("blocked_from", { mode: "date", withTimezone: true }).notNull(),
    blockedUntil: timestamp("blocked_until", { mode: "date", withTimezone: true }).notNull(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    phone: text("phone"),
    channel: text("channel", { enum: ["video", "phone", "in_person"] }).notNull().default("video"),
    /** Coaching sessions: their type, where they happen (video link or address), and the coach's note to the client. */
    sessionTypeId: uuid("session_type_id").references(() => sessionTypes.id, { onDelete: "set null" }),
    location: text("location"),
    noteToClient: text("note_to_client"),
    /** Homework for the client after the session: shown in the client's dashboard. */
    homework: text("homework"),
    /** Sessions created together as a weekly series share this id. */
    seriesId: uuid("series_id"),
    /** Set once, when the reminder is queued; cleared when the appointment moves. */
    reminderSentAt: timestamp("reminder_sent_at", { mode: "date", withTimezone: true }),
    /** What the visitor wrote about their pain: health data, shown to the coach alone. */
    message: text("message"),
    /** A self-check result the visitor chose to attach to the booking (answers and its scoring): health data. */
    selfCheck: jsonb("self_check").$type<AttachedSelfCheck>(),
    consentVersion: text("consent_version"),
    consentAt: timestamp("consent_at", { mode: "date", withTimezone: true }),
    pendingExpiresAt: timestamp("pending_expires_at", { mode: "date", withTimezone: true }),
    /** The keyed hash of the address a consultation request came from (lib/http/client-ip.ts), while it is pending. */
    clientKey: text("client_key"),
    /** The zone the visitor chose when booking (one the runtime knows): their emails name times in it. */
    visitorTimeZone: text("visitor_time_zone"),
    confirmTokenHash: text("confirm_token_hash").unique(),
    manageTokenHash: text("manage_token_hash").unique(),
    /** Raised with every change, for the calendar invitation's SEQUENCE. */
    sequence: integer("sequence").notNull().default(0),
    cancelReason: text("cancel_reason"),
    cancelledBy: text("cancelled_by", { enum: ["visitor", "client", "coach"] }),
    confirmedAt: timestamp("confirmed_at", { mode: "date", withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { mode: "date", withTimezone: true }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("appointments_kind_check", sql`${t.kind} in ('consultation', 'session')`),
    check("appointments_status_check", sql`${t.status} in ('pending', 'confirmed', 'cancelled', 'expired', 'completed', 'no_show')`),
    check("appointments_time_order", sql`${t.startAt} < ${t.endAt}`),
    check(
      "appointments_blocked_covers",
      sql`${t.blockedFrom} = ${t.startAt} - make_interval(mins => ${t.bufferBeforeMinutes}) and ${t.blockedUntil} = ${t.endAt} + make_interval(mins => ${t.bufferAfterMinutes})`,
    ),
    check("appointments_pending_expires", sql`${t.status} <> 'pending' or ${t.pendingExpiresAt} is not null`),
    index("appointments_start_idx").on(t.startAt),
    index("appointments_client_idx").on(t.clientId, t.startAt),
    check("appointments_channel_check", sql`${t.channel} in ('video', 'phone', 'in_person')`),
    // One email address has at most one pending consultation (lib/booking/hold-rules.ts keeps it so, this is the last word).
    uniqueIndex("appointments_one_pending_per_email").on(t.email).where(sql`${t.kind} = 'consultation' and ${t.status} = 'pending'`),
    index("appointments_pending_client_idx").on(t.clientKey).where(sql`${t.status} = 'pending'`),
  ],
);
export type Appointment = typeof appointments.$inferSelect;

/**
 * What the browser that sent a booking request may see again at its own link (/termin/anfrage/…):
 * the time and address it sent, and, for a fresh booking, how that booking stands. A request that
 * stored no booking (the address already has one pending, or has had its emails for today) gets a
 * receipt too, with no booking behind it, so the answer tells nobody about the address. Only the
 * token's hash is stored; receipts are deleted two days after they were made.
 */
export const bookingReceipts = pgTable("booking_receipts", {
  tokenHash: text("token_hash").primaryKey(),
  appointmentId: uuid("appointment_id").references(() => appointments.id, { onDelete: "cascade" }),
  email: text("email").notNull(),
  startAt: timestamp("start_at", { mode: "date", withTimezone: true }).notNull(),
  /** The booker's zone (validated, else the practice's): the page names the time in it. */
  timeZone: text("time_zone").notNull(),
  holdUntil: timestamp("hold_until", { mode: "date", withTimezone: true }).notNull(),
  /** The last time its confirmation email was asked for again: at most once a minute. */
  resentAt: timestamp("resent_at", { mode: "date", withTimezone: true }),
  createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
});
export type BookingReceipt = typeof bookingReceipts.$inferSelect;

/** The coach's private notes on one appointment (Markdown). Never shown to the client, never exported to them. */
export const sessionNotes = pgTable("session_notes", {
  appointmentId: uuid("appointment_id")
    .primaryKey()
    .references(() => appointments.id, { onDelete: "cascade" }),
  body: text("body").notNull().default(""),
  updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
});
export type SessionNote = typeof sessionNotes.$inferSelect;
