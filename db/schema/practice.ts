import { sql } from "drizzle-orm";
import { boolean, check, customType, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** Raw bytes: postgres.js answers a Buffer, PGlite a Uint8Array; both take either. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/** The largest audio file the upload takes (server/limits.mjs cuts the body off at the same size). */
export const AUDIO_MAX_BYTES = 30 * 1024 * 1024;

/**
 * A recording the coach uploaded for an exercise (the coach's own voice): only signed-in people
 * hear it (GET /audio/<id>). The coach's, not a client's: deleting a client leaves it.
 */
export const audioFiles = pgTable(
  "audio_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    /** sha-256 of the bytes, hex: the ETag. */
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("audio_files_size", sql`${t.byteSize} > 0 and ${t.byteSize} <= ${sql.raw(String(AUDIO_MAX_BYTES))}`),
    check("audio_files_type", sql`${t.contentType} in ('audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/wav', 'audio/webm')`),
  ],
);
export type AudioFile = typeof audioFiles.$inferSelect;

export const exerciseKinds = [
  "somatic_tracking",
  "safety_reappraisal",
  "positive_affect",
  "expressive_writing",
  "graded_return",
  "other",
] as const;
export type ExerciseKind = (typeof exerciseKinds)[number];

/**
 * The exercise library. Built-in exercises (`builtinKey` set) come from lib/practice/builtin-exercises.ts
 * and are written on every start (db/seed: seedEssentials); the coach adds and edits their own.
 */
export const exercises = pgTable(
  "exercises",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    builtinKey: text("builtin_key").unique(),
    kind: text("kind").$type<ExerciseKind>().notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull(),
    minutes: integer("minutes").notNull(),
    audioId: uuid("audio_id").references(() => audioFiles.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    archived: boolean("archived").notNull().default(false),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "exercises_kind",
      sql`${t.kind} in ('somatic_tracking', 'safety_reappraisal', 'positive_affect', 'expressive_writing', 'graded_return', 'other')`,
    ),
    check("exercises_title_length", sql`char_length(${t.title}) between 1 and 120`),
    check("exercises_summary_length", sql`char_length(${t.summary}) <= 300`),
    check("exercises_body_length", sql`char_length(${t.body}) between 1 and 8000`),
    check("exercises_minutes", sql`${t.minutes} between 1 and 120`),
  ],
);
export type Exercise = typeof exercises.$inferSelect;

export const practiceFrequencies = ["daily", "three_per_week", "weekly"] as const;
export type PracticeFrequency = (typeof practiceFrequencies)[number];

/** Homework: an exercise the coach gave a client, with how often; ended, it stays for the history. */
export const practiceAssignments = pgTable(
  "practice_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: text("client_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    exerciseId: uuid("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "restrict" }),
    frequency: text("frequency").$type<PracticeFrequency>().notNull(),
    note: text("note").notNull().default(""),
    /** The practice-zone date it starts on (its first week counts from here). */
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endedOn: date("ended_on", { mode: "string" }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("practice_assignments_frequency", sql`${t.frequency} in ('daily', 'three_per_week', 'weekly')`),
    check("practice_assignments_note_length", sql`char_length(${t.note}) <= 500`),
    check("practice_assignments_ended", sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startsOn}`),
    index("practice_assignments_client_idx").on(t.clientId),
  ],
);
export type PracticeAssignment = typeof practiceAssignments.$inferSelect;

/**
 * One practice a client logged: fear of the sensation and its intensity, before and after, as
 * two separate things (somatic tracking follows them apart). Health data; the coach's short
 * feedback sits beside it and is the client's data too (export, erasure).
 */
export const practiceLogs = pgTable(
  "practice_logs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: text("client_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    exerciseId: uuid("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "restrict" }),
    assignmentId: uuid("assignment_id").references(() => practiceAssignments.id, { onDelete: "set null" }),
    practicedOn: date("practiced_on", { mode: "string" }).notNull(),
    minutes: integer("minutes").notNull(),
    fearBefore: integer("fear_before").notNull(),
    fearAfter: integer("fear_after").notNull(),
    intensityBefore: integer("intensity_before").notNull(),
    intensityAfter: integer("intensity_after").notNull(),
    note: text("note").notNull().default(""),
    feedback: text("feedback"),
    feedbackAt: timestamp("feedback_at", { mode: "date", withTimezone: true }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("practice_logs_minutes", sql`${t.minutes} between 1 and 600`),
    check(
      "practice_logs_scales",
      sql`${t.fearBefore} between 0 and 10 and ${t.fearAfter} between 0 and 10 and ${t.intensityBefore} between 0 and 10 and ${t.intensityAfter} between 0 and 10`,
    ),
    check("practice_logs_note_length", sql`char_length(${t.note}) <= 500`),
    check("practice_logs_feedback_length", sql`${t.feedback} is null or char_length(${t.feedback}) between 1 and 1000`),
    index("practice_logs_client_date_idx").on(t.clientId, t.practicedOn),
  ],
);
export type PracticeLog = typeof practiceLogs.$inferSelect;
