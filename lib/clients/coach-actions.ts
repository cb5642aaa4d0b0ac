"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { clientStatuses, type ClientStatus } from "@/db/schema";
import { requireActionUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/http/errors";
import { siteOrigin } from "@/lib/site-url";
import { setClientStatus } from "./coach-view";
import { inviteClient, inviteClientSchema, resendInvitation } from "./invitations";

export type InviteFormState = { message?: string; fieldErrors?: Record<string, string[] | undefined>; ok?: string };

export async function inviteClientAction(_previous: InviteFormState, form: FormData): Promise<InviteFormState> {
  await requireActionUser("coach");
  const parsed = inviteClientSchema.safeParse({ name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
    return { message: "Bitte prüfe die markierten Felder.", fieldErrors };
  }
  try {
    const { user, created } = await inviteClient(parsed.data, await siteOrigin());
    revalidatePath("/coach/klienten");
    return {
      ok: created
        ? `${user.name ?? user.email} ist angelegt und bekommt eine Einladung per E-Mail.`
        : `${user.name ?? user.email} hatte schon einen Zugang; die Einladung wurde erneut verschickt.`,
    };
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    throw error;
  }
}

/** From the client list: send the invitation again, or change the status. */
export async function manageClientAction(form: FormData): Promise<void> {
  await requireActionUser("coach");
  const id = String(form.get("id") ?? "");
  const intent = String(form.get("intent") ?? "");
  let flash: string;
  try {
    if (intent === "resend") {
      await resendInvitation(id, await siteOrigin());
      flash = "einladung-gesendet";
    } else if (intent === "status" && (clientStatuses as readonly string[]).includes(String(form.get("status")))) {
      await setClientStatus(id, String(form.get("status")) as ClientStatus);
      flash = "status-gespeichert";
    } else {
      flash = "ungueltig";
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    flash = "nicht-gefunden";
  }
  revalidatePath("/coach/klienten");
  redirect(`/coach/klienten?hinweis=${flash}`);
}
