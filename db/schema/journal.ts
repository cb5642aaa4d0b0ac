import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** A client's pain journal: health data (GDPR Art. 9), readable by that client and the coach only. */
export const journalEntries = pgTable(
  "journal_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    entryDate: date("entry_date", { mode: "string" }).notNull(),
    pain: integer("pain").notNull(),
    stress: integer("stress").notNull(),
    /** 1 (sehr schlecht) … 5 (sehr gut) */
    mood: integer("mood"),
    bodyAreas: text("body_areas").array().notNull().default(sql`'{}'::text[]`),
    /** Triggers, situations and emotions, suggested or free. */
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    helped: text("helped").array().notNull().default(sql`'{}'::text[]`),
    notes: text("notes").notNull().default(""),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("journal_pain_range", sql`${t.pain} between 0 and 10`),
    check("journal_stress_range", sql`${t.stress} between 0 and 10`),
    check("journal_mood_range", sql`${t.mood} is null or ${t.mood} between 1 and 5`),
    check("journal_notes_length", sql`char_length(${t.notes}) <= 4000`),
    index("journal_user_date_idx").on(t.userId, t.entryDate),
  ],
);
export type JournalEntry = typeof journalEntries.$inferSelect;

/** A signed-in client's self-check, scored by the rules of its version. */
export const selfCheckResults = pgTable(
  "self_check_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    answers: jsonb("answers").notNull(),
    score: integer("score").notNull(),
    band: text("band").notNull(),
    redFlag: boolean("red_flag").notNull(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("self_check_user_idx").on(t.userId, t.createdAt)],
);
export type SelfCheckRow = typeof selfCheckResults.$inferSelect;
