import { and, asc, desc, eq, gte, inArray } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { journalEntries, safetyEvidence, safetySuggestionDecisions, type SafetyEvidence, type SafetyEvidenceSource } from "@/db/schema";
import { clientAccount } from "@/lib/clients/accounts";
import { AppError } from "@/lib/http/errors";
import { isUuid } from "@/lib/sql/uuid";
import { addDays } from "@/lib/time/dates";
import { RULE_WINDOW_DAYS, suggest, type RuleEntry, type Suggestion } from "./rules";
import type { SafetyEvidenceInput } from "./schemas";

/**
 * Evidence of safety, always scoped to one client. Who may change an entry: the client the
 * entries they wrote ("client"), the coach the ones the coach wrote or confirmed.
 */
export type EvidenceAuthor = { id: string; role: "client" | "coach" };

const editableSources = (role: EvidenceAuthor["role"]): SafetyEvidenceSource[] =>
  role === "client" ? ["client"] : ["coach", "suggestion"];

const notFound = () => new AppError("not_found", "Diese Beobachtung gibt es nicht.");

export type EvidenceRow = SafetyEvidence & { journalDate: string | null };

/** Every observation the client sees (confirmed suggestions included), newest first, with the linked entry's day. */
export async function listEvidence(clientId: string, db: Db = defaultDb): Promise<EvidenceRow[]> {
  const rows = await db
    .select({ evidence: safetyEvidence, journalDate: journalEntries.entryDate })
    .from(safetyEvidence)
    .leftJoin(journalEntries, and(eq(journalEntries.id, safetyEvidence.journalEntryId), eq(journalEntries.userId, safetyEvidence.clientId)))
    .where(eq(safetyEvidence.clientId, clientId))
    .orderBy(desc(safetyEvidence.observedOn), desc(safetyEvidence.createdAt));
  return rows.map((r) => ({ ...r.evidence, journalDate: r.journalDate }));
}

/** The client's recent journal days, for the form's optional link to an entry. */
export async function linkableEntries(clientId: string, db: Db = defaultDb): Promise<{ id: string; entryDate: string; pain: number }[]> {
  return db
    .select({ id: journalEntries.id, entryDate: journalEntries.entryDate, pain: journalEntries.pain })
    .from(journalEntries)
    .where(eq(journalEntries.userId, clientId))
    .orderBy(desc(journalEntries.entryDate), desc(journalEntries.createdAt))
    .limit(60);
}

/** A linked journal entry must be the client's own; anything else is "not found". */
async function checkJournalLink(clientId: string, journalEntryId: string | null, db: Db) {
  if (!journalEntryId) return;
  const [row] = await db
    .select({ id: journalEntries.id })
    .from(journalEntries)
    .where(and(eq(journalEntries.id, journalEntryId), eq(journalEntries.userId, clientId)));
  if (!row) throw new AppError("not_found", "Diesen Tagebucheintrag gibt es nicht.", { field: "journalEntryId" });
}

/** Adds an observation (no id) or changes one the author may change. */
export async function saveEvidence(
  clientId: string,
  author: EvidenceAuthor,
  input: SafetyEvidenceInput,
  db: Db = defaultDb,
): Promise<SafetyEvidence> {
  if (!isUuid(clientId)) throw notFound();
  await clientAccount(db, clientId, "Diese Person gibt es nicht.");
  await checkJournalLink(clientId, input.journalEntryId, db);
  const values = { text: input.text, observedOn: input.observedOn, journalEntryId: input.journalEntryId };
  if (!input.id) {
    const [row] = await db
      .insert(safetyEvidence)
      .values({ clientId, authorId: author.id, source: author.role, ...values })
      .returning();
    return row!;
  }
  const [row] = await db
    .update(safetyEvidence)
    .set({ ...values, updatedAt: new Date() })
    .where(
      and(
        eq(safetyEvidence.id, input.id),
        eq(safetyEvidence.clientId, clientId),
        inArray(safetyEvidence.source, editableSources(author.role)),
      ),
    )
    .returning();
  if (!row) throw notFound();
  return row;
}

export async function deleteEvidence(clientId: string, author: EvidenceAuthor, id: string, db: Db = defaultDb): Promise<void> {
  if (!isUuid(clientId) || !isUuid(id)) throw notFound();
  const rows = await db
    .delete(safetyEvidence)
    .where(
      and(eq(safetyEvidence.id, id), eq(safetyEvidence.clientId, clientId), inArray(safetyEvidence.source, editableSources(author.role))),
    )
    .returning({ id: safetyEvidence.id });
  if (rows.length === 0) throw notFound();
}

/** The journal entries the rules look at: the window ending `today`. */
async function ruleEntries(clientId: string, today: string, db: Db): Promise<RuleEntry[]> {
  return db
    .select({
      id: journalEntries.id,
      entryDate: journalEntries.entryDate,
      pain: journalEntries.pain,
      stress: journalEntries.stress,
      bodyAreas: journalEntries.bodyAreas,
      helped: journalEntries.helped,
    })
    .from(journalEntries)
    .where(and(eq(journalEntries.userId, clientId), gte(journalEntries.entryDate, addDays(today, -(RULE_WINDOW_DAYS - 1)))))
    .orderBy(asc(journalEntries.entryDate));
}

/**
 * The open suggestions for the coach, computed on demand from the client's journal: every rule's
 * findings except those the coach has already confirmed or dismissed. Never shown to the client.
 */
export async function openSuggestions(clientId: string, today: string, db: Db = defaultDb): Promise<Suggestion[]> {
  const [entries, decided] = await Promise.all([
    ruleEntries(clientId, today, db),
    db
      .select({ rule: safetySuggestionDecisions.rule, evidenceKey: safetySuggestionDecisions.evidenceKey })
      .from(safetySuggestionDecisions)
      .where(eq(safetySuggestionDecisions.clientId, clientId)),
  ]);
  return suggest(entries, today, decided);
}

/**
 * The coach confirms (it becomes an entry the client sees, in the coach's wording) or dismisses
 * a suggestion. Only a suggestion the rules make today can be decided, and only once.
 */
export async function decideSuggestion(
  clientId: string,
  coachId: string,
  input: { rule: string; evidenceKey: string; decision: "confirm" | "dismiss"; text: string },
  today: string,
  db: Db = defaultDb,
): Promise<SafetyEvidence | null> {
  if (!isUuid(clientId)) throw new AppError("not_found", "Diese Person gibt es nicht.");
  await clientAccount(db, clientId, "Diese Person gibt es nicht.");
  const suggestion = (await openSuggestions(clientId, today, db)).find((s) => s.rule === input.rule && s.evidenceKey === input.evidenceKey);
  if (!suggestion) throw new AppError("not_found", "Diesen Vorschlag gibt es nicht (mehr).");
  return db.transaction(async (tx) => {
    const decided = await tx
      .insert(safetySuggestionDecisions)
      .values({
        clientId,
        rule: suggestion.rule,
        evidenceKey: suggestion.evidenceKey,
        decision: input.decision === "confirm" ? "confirmed" : "dismissed",
      })
      .onConflictDoNothing()
      .returning({ id: safetySuggestionDecisions.id });
    if (decided.length === 0) throw new AppError("not_found", "Diesen Vorschlag gibt es nicht (mehr).");
    if (input.decision === "dismiss") return null;
    const [row] = await tx
      .insert(safetyEvidence)
      .values({
        clientId,
        authorId: coachId,
        source: "suggestion",
        text: input.text,
        observedOn: suggestion.observedOn,
        journalEntryId: suggestion.journalEntryId,
        rule: suggestion.rule,
        evidenceKey: suggestion.evidenceKey,
      })
      .returning();
    return row!;
  });
}

/** For the export: the decisions on suggestions about this client. */
export async function suggestionDecisionsOf(clientId: string, db: Db = defaultDb) {
  return db
    .select({
      rule: safetySuggestionDecisions.rule,
      evidenceKey: safetySuggestionDecisions.evidenceKey,
      decision: safetySuggestionDecisions.decision,
      decidedAt: safetySuggestionDecisions.decidedAt,
    })
    .from(safetySuggestionDecisions)
    .where(eq(safetySuggestionDecisions.clientId, clientId))
    .orderBy(asc(safetySuggestionDecisions.decidedAt));
}
