"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/http/errors";
import { commandAction, fields, formAction, text } from "@/lib/http/form-action";
import { uuidSchema } from "@/lib/sql/uuid";
import { z } from "zod";
import { siteOrigin } from "@/lib/site-url";
import { availabilityFormSchema, overrideFormSchema } from "./availability-form";
import { convertToClient, deleteOverride, saveAvailability, saveOverride, savePlaceDefaults } from "./coach";
import { setConsultationPlace } from "@/lib/appointments/places";
import { placeDefaultsSchema } from "./places";
import { cancelConsultationByCoach } from "@/lib/appointments/consultations";
import { setOutcome } from "@/lib/appointments/outcome";
import { failureCode } from "./consultation-notices";
import { cancelReasonSchema } from "./schemas";

const weekdays = ["1", "2", "3", "4", "5", "6", "7"] as const;
const ruleFields = [
  "durationMinutes",
  "bufferBeforeMinutes",
  "bufferAfterMinutes",
  "minimumNoticeHours",
  "horizonDays",
  "maxPerDay",
  "slotIntervalMinutes",
  "cancellationCutoffHours",
  "confirmWindowMinutes",
  "maxPendingPerClient",
  "confirmationEmailsPerDay",
] as const;

export const saveAvailabilityAction = formAction({
  role: "coach",
  schema: availabilityFormSchema,
  read: (form) => ({ weekly: Object.fromEntries(weekdays.map((d) => [d, text(form, `weekly.${d}`)])), ...fields(form, ruleFields) }),
  run: async (input) => {
    await saveAvailability(input);
    revalidatePath("/erstgespraech");
    return "Gespeichert. Neue Buchungen richten sich ab sofort danach.";
  },
});

export const saveOverrideAction = formAction({
  role: "coach",
  schema: overrideFormSchema,
  read: (form) => fields(form, ["date", "until", "ranges", "note"]),
  run: async (input) => {
    await saveOverride({ ...input, until: input.until || undefined });
    revalidatePath("/coach/verfuegbarkeit");
    return input.ranges.length ? "Besondere Zeiten gespeichert." : "Geschlossen eingetragen.";
  },
});

export const deleteOverrideAction = commandAction({
  role: "coach",
  schema: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  read: (form) => ({ date: text(form, "date") }),
  run: async ({ date }) => {
    await deleteOverride(date);
    revalidatePath("/coach/verfuegbarkeit");
  },
});

export const consultationAction = commandAction({
  role: "coach",
  schema: z.object({ id: uuidSchema, intent: z.string(), reason: z.string() }),
  read: (form) => fields(form, ["id", "intent", "reason"]),
  run: async ({ id, intent, reason: reasonText }) => {
    let notice = "";
    if (intent === "cancel") {
      const reason = cancelReasonSchema.safeParse(reasonText);
      if (!reason.success) throw new AppError("invalid", reason.error.issues[0]?.message ?? "Bitte prüfe den Grund.");
      await cancelConsultationByCoach(id, reason.data, await siteOrigin());
      notice = "abgesagt";
    } else if (intent === "completed" || intent === "no_show") {
      await setOutcome(id, intent);
      notice = intent === "completed" ? "erledigt" : "nicht-erschienen";
    } else if (intent === "convert") {
      const { created } = await convertToClient(id, await siteOrigin());
      notice = created ? "eingeladen" : "erneut-eingeladen";
    }
    revalidatePath("/coach/termine");
    redirect(`/coach/termine?ok=${notice}`);
  },
  refused: (error, { intent }) => redirect(`/coach/termine?fehler=${failureCode(intent, error)}`),
});

export const savePlaceDefaultsAction = formAction({
  role: "coach",
  schema: placeDefaultsSchema,
  read: (form) => fields(form, Object.keys(placeDefaultsSchema.shape)),
  run: async (input) => {
    await savePlaceDefaults(input);
    // The consultations list shows each channel's default beside the appointment's own place.
    for (const page of ["/coach/verfuegbarkeit", "/coach/termine"]) revalidatePath(page);
    return "Gespeichert. Neue Bestätigungen und Erinnerungen nennen diese Angaben.";
  },
});

/** The place of one consultation; the field's rule depends on its channel, so the domain checks it. */
export const setConsultationPlaceAction = formAction({
  role: "coach",
  firstIssueAsMessage: true,
  schema: z.object({ id: uuidSchema, location: z.string().max(1000, "Das ist zu lang.") }),
  read: (form, id: string) => ({ id: String(id), location: text(form, "location") }),
  run: async ({ id, location }) => {
    const { announced } = await setConsultationPlace(id, location, { origin: await siteOrigin() });
    revalidatePath("/coach/termine");
    return announced ? "Gespeichert. Die Person bekommt eine aktualisierte Einladung per E-Mail." : "Gespeichert.";
  },
});
