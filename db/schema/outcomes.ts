import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** Why a check-in was asked: the first (or a re-asked) baseline, the weekly one, or a follow-up after the coaching. */
export const checkinKinds = ["baseline", "weekly", "follow_up_3m", "follow_up_6m", "follow_up_12m"] as const;
export type CheckinKind = (typeof checkinKinds)[number];

/**
 * An outcome check-in (health data, GDPR Art. 9): four 0–10 items in our own wording and the
 * PHQ-4 (0–3 each; lib/outcomes/instruments.ts names the source and licence). `localDate` is the
 * client's own date when they answered. `elevated` is PHQ-2 ≥ 3 or GAD-2 ≥ 3, stored so the
 * coach's agenda can flag it; `coachSeenAt` is when the coach opened the client's check-ins.
 */
export const outcomeCheckins = pgTable(
  "outcome_checkins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: checkinKinds }).notNull(),
    localDate: date("local_date", { mode: "string" }).notNull(),
    averagePain: integer("average_pain").notNull(),
    worstPain: integer("worst_pain").notNull(),
    interference: integer("interference").notNull(),
    damageBelief: integer("damage_belief").notNull(),
    phq1: integer("phq1").notNull(),
    phq2: integer("phq2").notNull(),
    phq3: integer("phq3").notNull(),
    phq4: integer("phq4").notNull(),
    elevated: boolean("elevated").notNull(),
    coachSeenAt: timestamp("coach_seen_at", { mode: "date", withTimezone: true }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("outcome_checkins_kind_check", sql`${t.kind} in ('baseline', 'weekly', 'follow_up_3m', 'follow_up_6m', 'follow_up_12m')`),
    check(
      "outcome_checkins_scale_check",
      sql`${t.averagePain} between 0 and 10 and ${t.worstPain} between 0 and 10 and ${t.interference} between 0 and 10 and ${t.damageBelief} between 0 and 10`,
    ),
    check(
      "outcome_checkins_phq_check",
      sql`${t.phq1} between 0 and 3 and ${t.phq2} between 0 and 3 and ${t.phq3} between 0 and 3 and ${t.phq4} between 0 and 3`,
    ),
    index("outcome_checkins_user_idx").on(t.userId, t.createdAt),
  ],
);
export type OutcomeCheckin = typeof outcomeCheckins.$inferSelect;

export const promptKinds = ["baseline", "follow_up_3m", "follow_up_6m", "follow_up_12m"] as const;
export type PromptKind = (typeof promptKinds)[number];

/**
 * A check-in the practice asks for beyond the weekly one: a new baseline the coach asked for, or
 * a follow-up 3, 6 and 12 months after the coach marked the coaching finished. One row per kind
 * and client. `emailSentAt` is claimed with the email in one transaction (follow-ups only), so a
 * due follow-up is emailed exactly once; `answeredAt` closes it when the client answers.
 */
export const outcomePrompts = pgTable(
  "outcome_prompts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: promptKinds }).notNull(),
    dueAt: timestamp("due_at", { mode: "date", withTimezone: true }).notNull(),
    emailSentAt: timestamp("email_sent_at", { mode: "date", withTimezone: true }),
    answeredAt: timestamp("answered_at", { mode: "date", withTimezone: true }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("outcome_prompts_user_kind").on(t.userId, t.kind),
    check("outcome_prompts_kind_check", sql`${t.kind} in ('baseline', 'follow_up_3m', 'follow_up_6m', 'follow_up_12m')`),
    index("outcome_prompts_due_idx").on(t.dueAt),
  ],
);
export type OutcomePrompt = typeof outcomePrompts.$inferSelect;
