import { count, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../client";
import { exercises, practiceAssignments, practiceLogs } from "../schema";
import { builtinExercises } from "../../lib/practice/builtin-exercises";
import { TIMES_PER_WEEK } from "../../lib/practice/adherence";
import { addDays } from "../../lib/time/dates";

const [tracking, , positive] = builtinExercises;

/**
 * Writes the built-in exercises (lib/practice/builtin-exercises.ts): inserted once by their fixed
 * ids, their text brought up to date on every start. Called from seedEssentials, so a fresh
 * production database has them too; the coach's own exercises are never touched.
 */
export async function seedBuiltinExercises(db: Db) {
  for (const { key, id, ...text } of builtinExercises) {
    await db
      .insert(exercises)
      .values({ id, builtinKey: key, ...text })
      .onConflictDoUpdate({ target: exercises.id, set: { ...text }, setWhere: isNotNull(exercises.builtinKey) });
  }
}

/** A small deterministic random source, so the demo practice is the same on every machine. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const clamp = (n: number) => Math.max(0, Math.min(10, Math.round(n)));

/**
 * Anna's practice: somatic tracking daily and "Gute Momente" three times a week, both for three
 * weeks, with most days logged. During practice her fear falls clearly (about 6 → 3.5), the
 * intensity less (about 5 → 4), not in every practice: fear falls first. The coach has answered one practice.
 */
export function demoPractice(clientId: string, today: string) {
  const r = random(20261202);
  const startsOn = addDays(today, -20);
  const assignments = [
    {
      id: "00000000-0000-4000-8000-0000000a0001",
      exercise: tracking!,
      frequency: "daily" as const,
      note: "Am liebsten abends, wenn es ruhig ist.",
    },
    { id: "00000000-0000-4000-8000-0000000a0002", exercise: positive!, frequency: "three_per_week" as const, note: "" },
  ];
  const logs: (typeof practiceLogs.$inferInsert)[] = [];
  for (const a of assignments) {
    const share = TIMES_PER_WEEK[a.frequency] / 7;
    for (let ago = 20; ago >= 1; ago--) {
      // The practice the coach answered (six days ago, somatic tracking) is always there.
      const answered = ago === 6 && a.exercise === tracking;
      if (!answered && r() > share * 0.85) continue;
      const progress = (20 - ago) / 20;
      const fearBefore = clamp(6.5 - progress * 2 + (r() - 0.5) * 2);
      const intensityBefore = clamp(5.5 - progress + (r() - 0.5) * 2);
      logs.push({
        clientId,
        exerciseId: a.exercise.id,
        assignmentId: a.id,
        practicedOn: addDays(today, -ago),
        minutes: a.exercise.minutes + Math.round((r() - 0.5) * 4),
        fearBefore,
        fearAfter: clamp(fearBefore - 1 - r() * 3),
        intensityBefore,
        intensityAfter: clamp(intensityBefore - r() * 2.5),
        note: answered ? "Das Ziehen war da, aber ich bin ruhig geblieben. Es wurde weicher." : "",
        feedback: answered ? "Schön beobachtet, Anna! Genau darum geht es: Die Empfindung darf da sein, und du bleibst ruhig dabei." : null,
        feedbackAt: answered ? new Date(`${addDays(today, -5)}T09:00:00Z`) : null,
        createdAt: new Date(`${addDays(today, -ago)}T19:00:00Z`),
      });
    }
  }
  return {
    assignments: assignments.map((a) => ({
      id: a.id,
      clientId,
      exerciseId: a.exercise.id,
      frequency: a.frequency,
      note: a.note,
      startsOn,
    })),
    logs,
  };
}

/** Seeds Anna's practice once (her assignments mark it as seeded). */
export async function seedPractice(db: Db, clientId: string, today = new Date().toISOString().slice(0, 10)) {
  const [existing] = await db.select({ n: count() }).from(practiceAssignments).where(eq(practiceAssignments.clientId, clientId));
  if ((existing?.n ?? 0) > 0) return;
  const { assignments, logs } = demoPractice(clientId, today);
  await db.insert(practiceAssignments).values(assignments).onConflictDoNothing();
  await db.insert(practiceLogs).values(logs);
}
