"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/http/errors";
import { siteOrigin } from "@/lib/site-url";
import { availabilityFormSchema, overrideFormSchema } from "./availability-form";
import { convertToClient, deleteOverride, saveAvailability, saveOverride } from "./coach";
import { cancelConsultationByCoach, setOutcome } from "@/lib/appointments/consultations";
import { failureCode } from "./consultation-notices";
import { cancelReasonSchema } from "./schemas";

export type CoachFormState = { message?: string; fieldErrors?: Record<string, string[] | undefined>; ok?: string };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function saveAvailabilityAction(_previous: CoachFormState, form: FormData): Promise<CoachFormState> {
  await requireActionUser("coach");
  const parsed = availabilityFormSchema.safeParse({
    weekly: Object.fromEntries(["1", "2", "3", "4", "5", "6", "7"].map((d) => [d, String(form.get(`weekly.${d}`) ?? "")])),
    durationMinutes: form.get("durationMinutes"),
    bufferBeforeMinutes: form.get("bufferBeforeMinutes"),
    bufferAfterMinutes: form.get("bufferAfterMinutes"),
    minimumNoticeHours: form.get("minimumNoticeHours"),
    horizonDays: form.get("horizonDays"),
    maxPerDay: String(form.get("maxPerDay") ?? ""),
    slotIntervalMinutes: form.get("slotIntervalMinutes"),
    cancellationCutoffHours: form.get("cancellationCutoffHours"),
    confirmWindowMinutes: form.get("confirmWindowMinutes"),
    maxPendingPerClient: form.get("maxPendingPerClient"),
    confirmationEmailsPerDay: form.get("confirmationEmailsPerDay"),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
    return { message: "Bitte prüfe die markierten Felder.", fieldErrors };
  }
  await saveAvailability(parsed.data);
  revalidatePath("/erstgespraech");
  return { ok: "Gespeichert. Neue Buchungen richten sich ab sofort danach." };
}

export async function saveOverrideAction(_previous: CoachFormState, form: FormData): Promise<CoachFormState> {
  await requireActionUser("coach");
  const parsed = overrideFormSchema.safeParse({
    date: String(form.get("date") ?? ""),
    until: String(form.get("until") ?? ""),
    ranges: String(form.get("ranges") ?? ""),
    note: String(form.get("note") ?? ""),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
    return { message: "Bitte prüfe die markierten Felder.", fieldErrors };
  }
  try {
    await saveOverride({ ...parsed.data, until: parsed.data.until || undefined });
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    throw error;
  }
  revalidatePath("/coach/verfuegbarkeit");
  return { ok: parsed.data.ranges.length ? "Besondere Zeiten gespeichert." : "Geschlossen eingetragen." };
}

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
  if (!uuid.test(id)) return;
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
