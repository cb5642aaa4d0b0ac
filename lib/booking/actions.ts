"use server";

import { redirect } from "next/navigation";
import { AppError } from "@/lib/http/errors";
import { siteOrigin } from "@/lib/site-url";
import { cancelByVisitor, confirmBooking, rescheduleByVisitor } from "@/lib/appointments/consultations";
import { cancelReasonSchema } from "./schemas";
import { isTokenShape } from "./tokens";

export type ManageState = { message?: string; ok?: string };

/** The button on /termin/bestaetigen/[token]: a POST, so that link scanners cannot confirm for anyone. */
export async function confirmBookingAction(token: string): Promise<void> {
  if (!isTokenShape(String(token))) redirect("/erstgespraech");
  const result = await confirmBooking(String(token), { origin: await siteOrigin() });
  if (result.manageToken) redirect(`/termin/${result.manageToken}?bestaetigt=1`);
  redirect(`/termin/bestaetigen/${token}?ergebnis=${result.status}`);
}

export async function cancelBookingAction(token: string, _previous: ManageState, form: FormData): Promise<ManageState> {
  const reason = cancelReasonSchema.safeParse(String(form.get("reason") ?? ""));
  if (!reason.success) return { message: reason.error.issues[0]?.message };
  try {
    await cancelByVisitor(String(token), reason.data, { origin: await siteOrigin() });
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    throw error;
  }
  redirect(`/termin/${token}?abgesagt=1`);
}

export async function rescheduleBookingAction(token: string, _previous: ManageState, form: FormData): Promise<ManageState> {
  const start = new Date(String(form.get("start") ?? ""));
  if (Number.isNaN(start.getTime())) return { message: "Bitte wähle einen neuen Termin aus." };
  try {
    await rescheduleByVisitor(String(token), start, { origin: await siteOrigin() });
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    throw error;
  }
  redirect(`/termin/${token}?verschoben=1`);
}
