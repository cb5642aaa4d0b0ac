import { asc, count, eq } from "drizzle-orm";
import type { Db } from "../client";
import { journalEntries, safetyEvidence, safetySuggestionDecisions } from "../schema";
import { suggest } from "../../lib/safety/rules";

const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/**
 * Anna's evidence of safety: one observation of her own, one the coach wrote after a session, and
 * one from a suggestion the coach confirmed (her latest walk on a good day). Her journal leaves
 * more suggestions open for the coach. Seeded once.
 */
export async function seedSafety(db: Db, annaId: string, coachId: string) {
  const [existing] = await db.select({ n: count() }).from(safetyEvidence).where(eq(safetyEvidence.clientId, annaId));
  if ((existing?.n ?? 0) > 0) return;
  const journal = await db.select().from(journalEntries).where(eq(journalEntries.userId, annaId)).orderBy(asc(journalEntries.entryDate));
  const walk = suggest(journal, isoDay(0), [])
    .filter((s) => s.rule === "movement_helped")
    .sort((a, b) => b.observedOn.localeCompare(a.observedOn))[0];
  await db.transaction(async (tx) => {
    await tx.insert(safetyEvidence).values([
      {
        clientId: annaId,
        authorId: annaId,
        source: "client",
        text: "Beim Wandern am Wochenende war der Schmerz nach einer halben Stunde fast weg, obwohl ich vorher Angst vor dem Anstieg hatte.",
        observedOn: isoDay(24),
      },
      {
        clientId: annaId,
        authorId: coachId,
        source: "coach",
        text: "In unserer Sitzung wurde dein Rücken ruhiger, als du vom Urlaub am Meer erzählt hast. Der Schmerz hat auf das Gefühl reagiert, nicht auf eine Bewegung.",
        observedOn: isoDay(10),
      },
    ]);
    if (!walk) return;
    await tx.insert(safetyEvidence).values({
      clientId: annaId,
      authorId: coachId,
      source: "suggestion",
      text: walk.clientText,
      observedOn: walk.observedOn,
      journalEntryId: walk.journalEntryId,
      rule: walk.rule,
      evidenceKey: walk.evidenceKey,
    });
    await tx
      .insert(safetySuggestionDecisions)
      .values({ clientId: annaId, rule: walk.rule, evidenceKey: walk.evidenceKey, decision: "confirmed" });
  });
}
