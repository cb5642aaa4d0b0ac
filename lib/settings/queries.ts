import { eq } from "drizzle-orm";
import { cache } from "react";
import { db as defaultDb, type Db } from "@/db";
import { duringBuild } from "@/lib/build-phase";
import { practiceSettings, type PracticeSettings } from "@/db/schema";
import { reasonOf } from "@/lib/http/errors";

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
 * The settings for rendering, or the database's error: one query per request at most (React cache),
 * never kept across requests. What the static pages' layout asks for (app/(static)/layout.tsx): a
 * page kept in the page cache must not be stored with the fallback below (an Impressum without its
 * address for five minutes); when the database fails during its render, the render fails, so that
 * the cache keeps serving the last good copy (and a page never rendered answers with the error page).
 */
export const requirePracticeSettings = cache(async (): Promise<PracticeSettings> => {
  if (duringBuild()) return fallback;
  return loadPracticeSettings();
});

/**
 * The settings for rendering, with a fallback when the database is away (the same one query as
 * requirePracticeSettings). A dynamic page reads them afresh on every instance, so a change is seen
 * on the next request everywhere; a prerendered page reads them when it is (re)generated, and the
 * owner's save revalidates the pages that show them (lib/settings/actions.ts).
 */
export const getPracticeSettings = cache(async (): Promise<PracticeSettings> => {
  try {
    return await requirePracticeSettings();
  } catch (error) {
    // The page frame must render even without a database (an outage: the error page's header and
    // footer); the health route and the pages' own queries report the failure.
    console.error("practice settings unavailable:", reasonOf(error));
    return fallback;
  }
});
