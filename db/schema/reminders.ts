import { sql } from "drizzle-orm";
import { boolean, check, date, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** What a client can ask to be reminded of: the daily journal now, the weekly check-in later. */
export const reminderKinds = ["journal_daily", "weekly_checkin"] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/**
 * A client's reminder preference, one row per kind, opt-in (off until the client turns it on).
 * The hour is the client's own wall-clock hour in their stored zone (users.time_zone); `weekday`
 * (1 = Monday … 7) is for weekly kinds only. `lastSentOn` is the client's local date of the last
 * reminder: claimed with the email in one transaction, so a day never gets two.
 */
export const reminderPreferences = pgTable(
  "reminder_preferences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: reminderKinds }).notNull(),
    enabled: boolean("enabled").notNull().default(false),
    hour: integer("hour").notNull().default(20),
    weekday: integer("weekday"),
    lastSentOn: date("last_sent_on", { mode: "string" }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("reminder_preferences_user_kind").on(t.userId, t.kind),
    check("reminder_preferences_kind_check", sql`${t.kind} in ('journal_daily', 'weekly_checkin')`),
    check("reminder_preferences_hour_check", sql`${t.hour} between 0 and 23`),
    check("reminder_preferences_weekday_check", sql`${t.weekday} is null or ${t.weekday} between 1 and 7`),
  ],
);
export type ReminderPreference = typeof reminderPreferences.$inferSelect;
