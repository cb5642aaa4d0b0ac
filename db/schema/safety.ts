import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { journalEntries } from "./journal";

/** Who wrote an observation: the client, the coach by hand, or the coach confirming a suggestion. */
export const safetyEvidenceSources = ["client", "coach", "suggestion"] as const;
export type SafetyEvidenceSource = (typeof safetyEvidenceSources)[number];

/**
 * Evidence of safety: an observation that the client's body is safe ("Beim Wandern war der
 * Schmerz weg"). Health data about the client (GDPR Art. 9): the client and the coach read it;
 * each edits what they wrote. `rule`/`evidenceKey` name the suggestion a coach confirmed.
 */
export const safetyEvidence = pgTable(
  "safety_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: text("client_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    source: text("source", { enum: safetyEvidenceSources }).notNull(),
    text: text("text").notNull(),
    observedOn: date("observed_on", { mode: "string" }).notNull(),
    journalEntryId: uuid("journal_entry_id").references(() => journalEntries.id, { onDelete: "set null" }),
    rule: text("rule"),
    evidenceKey: text("evidence_key"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("safety_evidence_text_length", sql`char_length(${t.text}) between 1 and 500`),
    check("safety_evidence_source_check", sql`${t.source} in ('client', 'coach', 'suggestion')`),
    check("safety_evidence_rule_pair", sql`(${t.rule} is null) = (${t.evidenceKey} is null)`),
    index("safety_evidence_client_idx").on(t.clientId, t.observedOn),
  ],
);
export type SafetyEvidence = typeof safetyEvidence.$inferSelect;

/**
 * The coach's answer to a suggestion: confirmed (it became an entry) or dismissed. One per rule
 * and piece of evidence, so the same evidence is never suggested twice.
 */
export const safetySuggestionDecisions = pgTable(
  "safety_suggestion_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: text("client_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    rule: text("rule").notNull(),
    evidenceKey: text("evidence_key").notNull(),
    decision: text("decision", { enum: ["confirmed", "dismissed"] }).notNull(),
    decidedAt: timestamp("decided_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("safety_suggestion_decisions_once").on(t.clientId, t.rule, t.evidenceKey),
    check("safety_suggestion_decision_check", sql`${t.decision} in ('confirmed', 'dismissed')`),
    check("safety_suggestion_key_length", sql`char_length(${t.rule}) <= 60 and char_length(${t.evidenceKey}) <= 200`),
  ],
);
