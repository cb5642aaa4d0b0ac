"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth";
import { requireActionUser } from "@/lib/auth/guards";
import { siteOrigin } from "@/lib/site-url";
import { deleteClientAccount } from "./my-data";

/** What the client types to confirm (a "use server" module may export only actions). */
const DELETE_CONFIRMATION = "LÖSCHEN";

export async function deleteAccountAction(_previous: { message?: string }, form: FormData): Promise<{ message?: string }> {
  const user = await requireActionUser("client");
  if (
    String(form.get("confirmation") ?? "")
      .trim()
      .toUpperCase() !== DELETE_CONFIRMATION
  ) {
    return { message: `Bitte tippe ${DELETE_CONFIRMATION} ein, um zu bestätigen.` };
  }
  await deleteClientAccount(user.id, await siteOrigin());
  await signOut({ redirect: false }).catch(() => {});
  redirect("/?konto=geloescht");
}
