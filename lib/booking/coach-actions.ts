"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/http/errors";
import { fields, formAction, text } from "@/lib/http/form-action";
import { isUuid } from "@/lib/sql/uuid";
import { siteOrigin } from "@/lib/site-url";
import { availabilityFormSchema, overrideFormSchema } from "./availability-form";
import { convertToClient, deleteOverride, saveAvailability, saveOverride } from "./coach";
import { cancelConsultationByCoach, setOutcome } from "@/lib/appointments/consultations";
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

export async function deleteOverrideAction(form: FormData): Promise<void> {
  await requireActionUser("coach");
  const date = String(form.get("date") ?? "");
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) await deleteOverride(date);
  revalidatePath("/coach/verfuegbarkeit");
}

export async function consultationAction(form: FormData): Promise<void> {
  await requireActionUser("coach");
  const id = String(form.get("id") ?? "");
  const intent = String(form.get("intent") ?? "");
  if (!isUuid(id)) return;
  let notice = "";
  try {
    if (intent === "cancel") {
      const reason = cancelReasonSchema.safeParse(String(form.get("reason") ?? ""));
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
  } catch (error) {
    if (error instanceof AppError) redirect(`/coach/termine?fehler=${failureCode(intent, error)}`);
    throw error;
  }
  revalidatePath("/coach/termine");
  redirect(`/coach/termine?ok=${notice}`);
}
