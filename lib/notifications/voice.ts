import type { Db } from "@/db";
import type { PracticeSettings } from "@/db/schema";
import { theCoach, type CoachAccount } from "@/lib/settings/coach";
import { organizerOf, type Person } from "@/lib/calendar/invitation";
import { loadPracticeSettings } from "@/lib/settings/queries";

/**
 * Who speaks in every email about an appointment, read once per event: the practice's settings,
 * the coach's account (whose inbox gets the notices) and the sender people see and can write to
 * (the coach's name and the practice's address, else the coach's account).
 */
export type Voice = { practice: PracticeSettings; coach: CoachAccount; sender: Person };

export async function practiceVoice(db: Db): Promise<Voice> {
  const [practice, coach] = await Promise.all([loadPracticeSettings(db), theCoach(db)]);
  return { practice, coach, sender: organizerOf(practice, coach) };
}
