"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { clientStatuses, type ClientStatus } from "@/db/schema";
import { commandAction, fields, formAction } from "@/lib/http/form-action";
import { z } from "zod";
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
export const manageClientAction = commandAction({
  role: "coach",
  schema: z.object({ id: z.string(), intent: z.string(), status: z.string() }),
  read: (form) => fields(form, ["id", "intent", "status"]),
  run: async ({ id, intent, status }) => {
    let flash: string;
    if (intent === "resend") {
      await resendInvitation(id, await siteOrigin());
      flash = "einladung-gesendet";
    } else if (intent === "status" && (clientStatuses as readonly string[]).includes(status)) {
      await setClientStatus(id, status as ClientStatus);
      flash = "status-gespeichert";
    } else {
      flash = "ungueltig";
    }
    backToClientList(flash);
  },
  refused: () => backToClientList("nicht-gefunden"),
});

function backToClientList(flash: string): never {
  revalidatePath("/coach/klienten");
  redirect(`/coach/klienten?hinweis=${flash}`);
}
