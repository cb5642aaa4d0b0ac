import { eq } from "drizzle-orm";
import { cache } from "react";
import { db as defaultDb, type Db } from "@/db";
import { duringBuild } from "@/lib/build-phase";
import { practiceSettings, type PracticeSettings } from "@/db/schema";

const fallback: PracticeSettings = {
  id: 1,
  practiceName: "Rückenwind Coaching",
  coachName: "",
  profession: "",
  street: "",
  postalCode: "",
  city: "",
  email: "",
  phone: "",
  vatId: "",
  timeZone: "Europe/Berlin",
  reminderLeadMinutes: 1440,
  calendarFeedTokenHash: null,
  sentEmailRetentionDays: 30,
  openRequestRetentionDays: 30,
  pastConsultationRetentionMonths: 12,
  taxMode: "small_business",
  exemptionNote: "",
  taxNumber: "",
  iban: "",
  bic: "",
  accountHolder: "",
  paymentTermDays: 14,
  paymentReminderDays: 7,
  updatedAt: new Date(0),
};

export async function loadPracticeSettings(db: Db = defaultDb): Promise<PracticeSettings> {
  const [row] = await db.select().from(practiceSettings).where(eq(practiceSettings.id, 1));
  return row ?? fallback;
}

/**
 * The settings for rendering: one query per request at most (React cache), never kept across
 * requests. A dynamic page reads them afresh on every instance, so a change is seen on the next
 * request everywhere; a prerendered page reads them when it is (re)generated, and the owner's
 * save revalidates the pages that show them (lib/settings/actions.ts).
 */
export const getPracticeSettings = cache(async (): Promise<PracticeSettings> => {
  if (duringBuild()) return fallback;
  try {
    return await loadPracticeSettings();
  } catch (error) {
    // The page frame must render even without a database (the build, an outage); the health
    // route and the pages' own queries report the failure.
    console.error("practice settings unavailable:", (error as Error).message);
    return fallback;
  }
});
