import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { appointments } from "./booking";

/*
 * Late cancellation and no-show fees, by agreement only (a fee needs an agreement made in
 * advance). The practice's policy is versioned: a saved change is a new row, the current one is
 * the newest, and no row ever changes (the custom migration cancellation_immutable refuses UPDATE
 * and DELETE). A client accepts one version; the acceptance keeps the text as they read it. A fee
 * is billed only by the coach, one click per appointment, under the version the client had
 * accepted before the cancellation (or before the missed start).
 */

export const cancellationPolicies = pgTable(
  "cancellation_policies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    text: text("text").notNull(),
    /** A client's cancellation later than this many hours before the start is late. */
    hoursBefore: integer("hours_before").notNull(),
    latePercent: integer("late_percent").notNull(),
    noShowPercent: integer("no_show_percent").notNull(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("cancellation_policies_text", sql`char_length(${t.text}) between 1 and 4000`),
    check("cancellation_policies_hours", sql`${t.hoursBefore} between 1 and 336`),
    check("cancellation_policies_percents", sql`${t.latePercent} between 0 and 100 and ${t.noShowPercent} between 0 and 100`),
    index("cancellation_policies_created_idx").on(t.createdAt),
  ],
);
export type CancellationPolicy = typeof cancellationPolicies.$inferSelect;

/** A client's acceptance of one version, with the text as they accepted it. Erased with the account. */
export const policyAcceptances = pgTable(
  "policy_acceptances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => cancellationPolicies.id),
    textAccepted: text("text_accepted").notNull(),
    acceptedAt: timestamp("accepted_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("policy_acceptances_once").on(t.userId, t.policyId), index("policy_acceptances_user_idx").on(t.userId, t.acceptedAt)],
);
export type PolicyAcceptance = typeof policyAcceptances.$inferSelect;

export const cancellationFeeKinds = ["late", "no_show"] as const;
export type CancellationFeeKind = (typeof cancellationFeeKinds)[number];

/**
 * A fee the coach decided to bill for one appointment: at most one (the unique key makes a double
 * click bill once). It draws a package credit, or waits as an unbilled item for the next draft
 * (lib/billing/drafts.ts); erased with the appointment, and so with the account.
 */
export const cancellationFees = pgTable(
  "cancellation_fees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appointmentId: uuid("appointment_id")
      .notNull()
      .unique()
      .references(() => appointments.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: cancellationFeeKinds }).notNull(),
    percent: integer("percent").notNull(),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => cancellationPolicies.id),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("cancellation_fees_kind", sql`${t.kind} in ('late', 'no_show')`),
    check("cancellation_fees_percent", sql`${t.percent} between 1 and 100`),
  ],
);
export type CancellationFee = typeof cancellationFees.$inferSelect;
