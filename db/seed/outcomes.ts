import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { outcomeCheckins, reminderPreferences } from "../schema";
import { WEEKLY_DEFAULT } from "../../lib/outcomes/defaults";

/**
 * Anna's 12 outcome check-ins: a baseline 12 weeks before `today` and a weekly one each week after
 * it up to a week ago (so this week's is due),
 * average pain easing from 6 to 2 (not in a straight line), the damage belief falling with it,
 * and PHQ-4 mostly low (one harder week in the middle, just below the cut-off).
 */
export function demoCheckins(userId: string, today: Date): (typeof outcomeCheckins.$inferInsert)[] {
  const average = [6, 6, 5, 5, 6, 4, 4, 3, 4, 3, 2, 2];
  const worst = [8, 8, 7, 7, 8, 6, 6, 5, 6, 5, 4, 3];
  const interference = [6, 5, 5, 4, 5, 4, 3, 3, 3, 2, 2, 1];
  const damage = [8, 7, 7, 6, 6, 5, 4, 4, 3, 3, 2, 1];
  const phq = [
    [1, 1, 1, 1],
    [1, 0, 1, 1],
    [0, 1, 1, 0],
    [1, 0, 1, 1],
    [1, 1, 2, 0],
    [0, 0, 1, 1],
    [0, 1, 0, 1],
    [0, 0, 1, 0],
    [0, 0, 1, 0],
    [0, 0, 0, 1],
    [0, 0, 0, 0],
    [0, 0, 1, 0],
  ];
  return average.map((avg, week) => {
    const at = new Date(today.getTime() - (12 - week) * 7 * 86_400_000);
    at.setUTCHours(18, 30, 0, 0);
    const [phq1, phq2, phq3, phq4] = phq[week]!;
    return {
      userId,
      kind: week === 0 ? ("baseline" as const) : ("weekly" as const),
      localDate: at.toISOString().slice(0, 10),
      averagePain: avg,
      worstPain: worst[week]!,
      interference: interference[week]!,
      damageBelief: damage[week]!,
      phq1: phq1!,
      phq2: phq2!,
      phq3: phq3!,
      phq4: phq4!,
      elevated: false,
      coachSeenAt: at,
      createdAt: at,
    };
  });
}

/** Seeds Anna's check-ins once (her first check-in marks them as seeded). */
export async function seedOutcomes(db: Db, annaId: string, today = new Date()): Promise<void> {
  const existing = await db.$count(outcomeCheckins, eq(outcomeCheckins.userId, annaId));
  if (existing > 0) return;
  await db.insert(outcomeCheckins).values(demoCheckins(annaId, today));
  // Her baseline started the weekly emails, as submitting it does (lib/outcomes/preferences.ts).
  await db
    .insert(reminderPreferences)
    .values({ userId: annaId, kind: "weekly_checkin", ...WEEKLY_DEFAULT })
    .onConflictDoNothing();
}
