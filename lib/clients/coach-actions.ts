"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { clientStatuses, type ClientStatus } from "@/db/schema";
import { requireActionUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/http/errors";
import { fields, formAction } from "@/lib/http/form-action";
import { siteOrigin } from "@/lib/site-url";
import { setClientStatus } from "./coach-view";
import { inviteClient, inviteClientSchema, resendInvitation } from "./invitations";

export const inviteClientAction = formAction({
  role: "coach",
  schema: inviteClientSchema,
  read: (form) => fields(form, ["name", "email"]),
  run: async (input) => {
    const { user, created } = await inviteClient(input, await siteOrigin());
    revalidatePath("/coach/klienten");
    return created
      ? `${user.name ?? user.email} ist angelegt und bekommt eine Einladung per E-Mail.`
      : `${user.name ?? user.email} hatte schon einen Zugang; die Einladung wurde erneut verschickt.`;
  },
});

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
