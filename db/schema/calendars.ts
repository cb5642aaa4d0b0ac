import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const calendarConnectionKinds = ["caldav", "ical"] as const;

/**
 * The coach's own calendars: a CalDAV account (server, user, app password) or a read-only
 * iCalendar subscription. The password and the subscription URL (Google's secret address is a
 * credential of its own) are stored only encrypted (lib/calendars/crypto.ts).
 */
export const calendarConnections = pgTable(
  "calendar_connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coachId: text("coach_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: calendarConnectionKinds }).notNull(),
    /** The coach's own name for it ("iCloud", "Google privat"). */
    label: text("label").notNull(),
    /** CalDAV: the server's address as typed (no secret in it; refused when it holds user info). */
    serverUrl: text("server_url"),
    username: text("username"),
    /** AES-256-GCM: the app password (CalDAV) or the subscription URL (iCal). */
    secret: text("secret").notNull(),
    /** Show event titles in the agenda (off: "Privat" only, and no title is stored). */
    showTitles: boolean("show_titles").notNull().default(false),
    lastSyncAt: timestamp("last_sync_at", { mode: "date", withTimezone: true }),
    lastSuccessAt: timestamp("last_success_at", { mode: "date", withTimezone: true }),
    lastError: text("last_error"),
    /** A sync run holds the connection until then: two runs never do the same work. */
    claimedUntil: timestamp("claimed_until", { mode: "date", withTimezone: true }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("calendar_connections_kind_check", sql`${t.kind} in ('caldav', 'ical')`),
    check("calendar_connections_label_check", sql`char_length(${t.label}) between 1 and 80`),
  ],
);
export type CalendarConnection = typeof calendarConnections.$inferSelect;

/** One calendar of a connection (an iCal subscription has exactly one, href ''). */
export const calendarCalendars = pgTable(
  "calendar_calendars",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => calendarConnections.id, { onDelete: "cascade" }),
    href: text("href").notNull(),
    displayName: text("display_name").notNull(),
    /** Its events block booking slots. */
    busy: boolean("busy").notNull().default(true),
    /** Supports VEVENT (only those can be chosen for write-back). */
    writable: boolean("writable").notNull().default(false),
    /** The server's version of it (CalDAV getctag/sync-token, or the subscription's ETag): unchanged means skip. */
    version: text("version"),
    /** The window the stored busy times were expanded for ends here; a run past it expands again. */
    expandedUntil: timestamp("expanded_until", { mode: "date", withTimezone: true }),
  },
  (t) => [unique("calendar_calendars_connection_href").on(t.connectionId, t.href)],
);
export type CalendarCalendar = typeof calendarCalendars.$inferSelect;

/** Busy times of the chosen calendars, expanded for the booking window; our own written events are never here. */
export const calendarBusy = pgTable(
  "calendar_busy",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    calendarId: uuid("calendar_id")
      .notNull()
      .references(() => calendarCalendars.id, { onDelete: "cascade" }),
    startAt: timestamp("start_at", { mode: "date", withTimezone: true }).notNull(),
    endAt: timestamp("end_at", { mode: "date", withTimezone: true }).notNull(),
    uid: text("uid").notNull(),
    /** Only when the connection shows titles. */
    title: text("title"),
    allDay: boolean("all_day").notNull().default(false),
  },
  (t) => [check("calendar_busy_range_check", sql`${t.endAt} > ${t.startAt}`), index("calendar_busy_range_idx").on(t.startAt, t.endAt)],
);
export type CalendarBusy = typeof calendarBusy.$inferSelect;

/** The practice's write-back choice: one CalDAV calendar, and whether titles carry full names. */
export const calendarSettings = pgTable(
  "calendar_settings",
  {
    id: integer("id").primaryKey().default(1),
    writeCalendarId: uuid("write_calendar_id").references(() => calendarCalendars.id, { onDelete: "set null" }),
    fullNames: boolean("full_names").notNull().default(false),
  },
  (t) => [check("calendar_settings_singleton", sql`${t.id} = 1`)],
);

export const calendarWriteStatuses = ["queued", "sending", "done", "failed"] as const;

/**
 * The write-back queue: one row per appointment, its latest wish. The dispatcher reads the
 * appointment when it runs (PUT while it is confirmed, DELETE otherwise), so the row holds no
 * name and no text: nothing here outlives a client's account.
 */
export const calendarWrites = pgTable(
  "calendar_writes",
  {
    appointmentId: uuid("appointment_id").primaryKey(),
    calendarId: uuid("calendar_id")
      .notNull()
      .references(() => calendarCalendars.id, { onDelete: "cascade" }),
    status: text("status", { enum: calendarWriteStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { mode: "date", withTimezone: true }),
    lastError: text("last_error"),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("calendar_writes_status_check", sql`${t.status} in ('queued', 'sending', 'done', 'failed')`),
    index("calendar_writes_due_idx").on(t.status, t.nextAttemptAt),
  ],
);
