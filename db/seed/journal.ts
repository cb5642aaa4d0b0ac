import type { Db } from "../client";
import { journalEntries } from "../schema";

/** A small deterministic random source, so the demo journal is the same on every machine. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(items: readonly T[], r: () => number) => items[Math.floor(r() * items.length)]!;
const clamp = (n: number) => Math.max(0, Math.min(10, Math.round(n)));

/**
 * 90 days of a plausible journal: stress with weekly rhythm and a hard stretch, pain that
 * follows stress more than activity and slowly eases over the weeks, a few skipped days.
 */
export function demoJournal(userId: string, today: Date, days = 90): (typeof journalEntries.$inferInsert)[] {
  const r = random(20261126);
  const entries: (typeof journalEntries.$inferInsert)[] = [];
  for (let ago = days - 1; ago >= 0; ago--) {
    if (r() < 0.12 && ago > 1) continue; // a skipped day now and then
    const date = new Date(today.getTime() - ago * 86_400_000).toISOString().slice(0, 10);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    const workday = weekday >= 1 && weekday <= 5;
    const hardStretch = ago > 40 && ago < 52;
    const stress = clamp((workday ? 5 : 3) + (hardStretch ? 3 : 0) + (r() - 0.5) * 4);
    const progress = (days - ago) / days; // 0 → 1 over the period
    const pain = clamp(6.5 - 3 * progress + (stress - 4.5) * 0.6 + (r() - 0.5) * 2);
    const tags = stress >= 7 ? [pick(["Stress bei der Arbeit", "Termindruck", "Streit", "Sorgen"], r), pick(["wenig Schlaf", "Angst", "Ärger"], r)] : stress <= 3 ? ["Freude"] : [pick(["langes Sitzen", "Wetter", "Erschöpfung", "Sorgen"], r)];
    const helped = pain <= 4 ? [pick(["Spaziergang", "Somatic Tracking", "Bewegung mit Freude"], r)] : [pick(["Somatic Tracking", "Sicherheitsbotschaft", "Atmen", "Pause"], r)];
    const notes =
      pain >= 7
        ? pick(["Morgens steif, nach dem Meeting schlimmer.", "Viel gegrübelt. Der Rücken hat sich gemeldet.", "Somatic Tracking hat ein bisschen Abstand gebracht."], r)
        : pain <= 3
          ? pick(["Guter Tag, lange spazieren gewesen.", "Kaum gemerkt, beim Kochen mit Musik ganz weg.", "Entspannter Abend mit Freunden."], r)
          : "";
    entries.push({
      userId,
      entryDate: date,
      pain,
      stress,
      mood: Math.max(1, Math.min(5, Math.round(5 - pain / 3 + (r() - 0.5)))),
      bodyAreas: pain >= 6 ? ["unterer Rücken", pick(["Hüfte", "Nacken", "Beine"], r)] : ["unterer Rücken"],
      tags,
      helped,
      notes,
      createdAt: new Date(`${date}T19:30:00Z`),
      updatedAt: new Date(`${date}T19:30:00Z`),
    });
  }
  return entries;
}

export async function seedJournal(db: Db, userId: string) {
  await db.insert(journalEntries).values(demoJournal(userId, new Date()));
}
