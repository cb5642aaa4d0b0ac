"use server";

import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/http/errors";
import { siteOrigin } from "@/lib/site-url";
import { saveSessionRecord } from "./queries";
import { cancelSession, rescheduleSession, scheduleSession } from "./schedule";
import { cancelSessionSchema, fieldErrorsOf, rescheduleSessionSchema, scheduleSessionSchema, sessionRecordSchema } from "./schemas";

export type SessionFormState = { message?: string; fieldErrors?: Record<string, string[] | undefined>; ok?: string };

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value : undefined;
};

/** AppErrors become the form's message; anything else is a real fault and stays one. */
async function attempt(work: () => Promise<string>, clientId?: string): Promise<SessionFormState> {
  try {
    const ok = await work();
    if (clientId) revalidatePath(`/coach/klienten/${clientId}`);
    return { ok };
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    throw error;
  }
}

const invalid = (fieldErrors: Record<string, string[]>): SessionFormState => ({
  message: "Bitte prüfe die markierten Felder.",
  fieldErrors,
});

export async function scheduleSessionAction(clientId: string, _previous: SessionFormState, form: FormData): Promise<SessionFormState> {
  await requireActionUser("coach");
  const parsed = scheduleSessionSchema.safeParse({
    clientId: String(clientId),
    date: text(form, "date"),
    time: text(form, "time"),
    sessionTypeId: text(form, "sessionTypeId"),
    location: text(form, "location"),
    noteToClient: text(form, "noteToClient"),
    repeatWeekly: text(form, "repeatWeekly"),
  });
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return attempt(async () => {
    const rows = await scheduleSession(parsed.data, { origin: await siteOrigin() });
    return rows.length > 1
      ? `${rows.length} Sitzungen eingetragen. Die Einladung ist unterwegs.`
      : "Sitzung eingetragen. Die Einladung ist unterwegs.";
  }, parsed.data.clientId);
}

export async function rescheduleSessionAction(
  clientId: string,
  id: string,
  _previous: SessionFormState,
  form: FormData,
): Promise<SessionFormState> {
  await requireActionUser("coach");
  const parsed = rescheduleSessionSchema.safeParse({ date: text(form, "date"), time: text(form, "time"), reason: text(form, "reason") });
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return attempt(async () => {
    await rescheduleSession(String(id), parsed.data, { origin: await siteOrigin() });
    return "Verschoben. Die neue Einladung ist unterwegs.";
  }, String(clientId));
}

export async function cancelSessionAction(
  clientId: string,
  id: string,
  _previous: SessionFormState,
  form: FormData,
): Promise<SessionFormState> {
  await requireActionUser("coach");
  const parsed = cancelSessionSchema.safeParse({ reason: text(form, "reason") });
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return attempt(async () => {
    await cancelSession(String(id), parsed.data.reason, { origin: await siteOrigin() });
    return "Abgesagt. Die Absage ist unterwegs.";
  }, String(clientId));
}

export async function saveSessionRecordAction(
  clientId: string,
  id: string,
  _previous: SessionFormState,
  form: FormData,
): Promise<SessionFormState> {
  await requireActionUser("coach");
  const parsed = sessionRecordSchema.safeParse({ notes: text(form, "notes"), homework: text(form, "homework") });
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return attempt(async () => {
    await saveSessionRecord(String(id), parsed.data);
    return "Gespeichert.";
  }, String(clientId));
}
