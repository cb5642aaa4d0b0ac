"use server";

import { revalidatePath } from "next/cache";
import { renewCalendarFeedToken } from "@/lib/calendar/feed";
import { commandAction, fields, formAction, noInput, sent, type FormState } from "@/lib/http/form-action";
import { uuidSchema } from "@/lib/sql/uuid";
import { z } from "zod";
import { siteOrigin } from "@/lib/site-url";
import { saveRetentionSettings, saveSessionType, savePracticeSettings, setSessionTypeActive } from "./practice";
import { practiceSettingsFormSchema, retentionSettingsFormSchema, sessionTypeFormSchema } from "./schemas";

export type CalendarFeedState = FormState & { url?: string };

/** Pages that show the practice's facts: the whole frame (header, footer) and the legal pages. */
function revalidatePracticePages() {
  for (const path of ["/", "/impressum", "/datenschutz"]) revalidatePath(path);
  revalidatePath("/", "layout");
}

const practiceFields = [
  "practiceName",
  "coachName",
  "profession",
  "street",
  "postalCode",
  "city",
  "email",
  "phone",
  "vatId",
  "timeZone",
  "reminderLeadHours",
] as const;

export const savePracticeSettingsAction = formAction({
  role: "coach",
  schema: practiceSettingsFormSchema,
  read: (form) => fields(form, practiceFields),
  run: async (input) => {
    await savePracticeSettings(input);
    revalidatePracticePages();
    return "Gespeichert. Impressum, Datenschutz und E-Mails zeigen ab sofort die neuen Angaben.";
  },
});

/** The retention periods: saved, and /datenschutz (which states them) revalidated. */
export const saveRetentionSettingsAction = formAction({
  role: "coach",
  schema: retentionSettingsFormSchema,
  read: (form) => fields(form, ["sentEmailRetentionDays", "openRequestRetentionDays", "pastConsultationRetentionMonths"]),
  run: async (input) => {
    await saveRetentionSettings(input);
    revalidatePracticePages();
    return "Gespeichert. Die Datenschutzerklärung nennt ab sofort diese Fristen; die tägliche Löschung wendet sie an.";
  },
});

export const saveSessionTypeAction = formAction({
  role: "coach",
  schema: sessionTypeFormSchema,
  read: (form) => ({ ...fields(form, ["id", "name", "durationMinutes", "channel", "defaultLocation"]), price: sent(form, "price") }),
  run: async (input) => {
    const saved = await saveSessionType(input);
    revalidatePath("/coach/einstellungen");
    return input.id ? `„${saved.name}“ gespeichert.` : `„${saved.name}“ angelegt.`;
  },
});

/** Retire (no longer offered for new sessions) or offer again. */
export const setSessionTypeActiveAction = commandAction({
  role: "coach",
  schema: z.object({ id: uuidSchema, active: z.string() }),
  read: (form) => fields(form, ["id", "active"]),
  run: async ({ id, active }) => {
    await setSessionTypeActive(id, active === "true");
    revalidatePath("/coach/einstellungen");
  },
});

/** Makes a new feed secret; the URL is returned once, since only its hash is kept. */
export const renewCalendarFeedAction = formAction({
  role: "coach",
  ...noInput,
  run: async (): Promise<CalendarFeedState> => {
    const token = await renewCalendarFeedToken();
    revalidatePath("/coach/einstellungen");
    return { url: `${await siteOrigin()}/api/kalender/${token}.ics` };
  },
});
