"use server";

import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth/guards";
import { renewCalendarFeedToken } from "@/lib/calendar/feed";
import { AppError } from "@/lib/http/errors";
import { siteOrigin } from "@/lib/site-url";
import { saveRetentionSettings, saveSessionType, savePracticeSettings, setSessionTypeActive } from "./practice";
import { practiceSettingsFormSchema, retentionSettingsFormSchema, sessionTypeFormSchema } from "./schemas";

export type SettingsFormState = { message?: string; fieldErrors?: Record<string, string[] | undefined>; ok?: string };
export type CalendarFeedState = { url?: string; message?: string };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]) {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) (fieldErrors[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return fieldErrors;
}

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

/** Pages that show the practice's facts: the whole frame (header, footer) and the legal pages. */
function revalidatePracticePages() {
  for (const path of ["/", "/impressum", "/datenschutz"]) revalidatePath(path);
  revalidatePath("/", "layout");
}

export async function savePracticeSettingsAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  await requireActionUser("coach");
  const parsed = practiceSettingsFormSchema.safeParse({
    practiceName: field(form, "practiceName"),
    coachName: field(form, "coachName"),
    profession: field(form, "profession"),
    street: field(form, "street"),
    postalCode: field(form, "postalCode"),
    city: field(form, "city"),
    email: field(form, "email"),
    phone: field(form, "phone"),
    vatId: field(form, "vatId"),
    timeZone: field(form, "timeZone"),
    reminderLeadHours: form.get("reminderLeadHours"),
  });
  if (!parsed.success) return { message: "Bitte prüfe die markierten Felder.", fieldErrors: fieldErrorsOf(parsed.error.issues) };
  await savePracticeSettings(parsed.data);
  revalidatePracticePages();
  return { ok: "Gespeichert. Impressum, Datenschutz und E-Mails zeigen ab sofort die neuen Angaben." };
}

/** The retention periods: saved, and /datenschutz (which states them) revalidated. */
export async function saveRetentionSettingsAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  await requireActionUser("coach");
  const parsed = retentionSettingsFormSchema.safeParse({
    sentEmailRetentionDays: form.get("sentEmailRetentionDays"),
    openRequestRetentionDays: form.get("openRequestRetentionDays"),
    pastConsultationRetentionMonths: form.get("pastConsultationRetentionMonths"),
  });
  if (!parsed.success) return { message: "Bitte prüfe die markierten Felder.", fieldErrors: fieldErrorsOf(parsed.error.issues) };
  await saveRetentionSettings(parsed.data);
  revalidatePracticePages();
  return { ok: "Gespeichert. Die Datenschutzerklärung nennt ab sofort diese Fristen; die tägliche Löschung wendet sie an." };
}

export async function saveSessionTypeAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  await requireActionUser("coach");
  const parsed = sessionTypeFormSchema.safeParse({
    id: field(form, "id"),
    name: field(form, "name"),
    durationMinutes: form.get("durationMinutes"),
    channel: field(form, "channel"),
    defaultLocation: field(form, "defaultLocation"),
  });
  if (!parsed.success) return { message: "Bitte prüfe die markierten Felder.", fieldErrors: fieldErrorsOf(parsed.error.issues) };
  try {
    const saved = await saveSessionType(parsed.data);
    revalidatePath("/coach/einstellungen");
    return { ok: parsed.data.id ? `„${saved.name}“ gespeichert.` : `„${saved.name}“ angelegt.` };
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    throw error;
  }
}

/** Retire (no longer offered for new sessions) or offer again. */
export async function setSessionTypeActiveAction(form: FormData): Promise<void> {
  await requireActionUser("coach");
  const id = field(form, "id");
  if (!uuid.test(id)) return;
  await setSessionTypeActive(id, field(form, "active") === "true");
  revalidatePath("/coach/einstellungen");
}

/** Makes a new feed secret; the URL is returned once, since only its hash is kept. */
export async function renewCalendarFeedAction(_previous: CalendarFeedState, _form: FormData): Promise<CalendarFeedState> {
  await requireActionUser("coach");
  const token = await renewCalendarFeedToken();
  revalidatePath("/coach/einstellungen");
  return { url: `${await siteOrigin()}/api/kalender/${token}.ics` };
}
