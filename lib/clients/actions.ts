"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut } from "@/lib/auth";
import { formAction, text } from "@/lib/http/form-action";
import { siteOrigin } from "@/lib/site-url";
import { deleteClientAccount } from "./my-data";

/** What the client types to confirm (a "use server" module may export only actions). */
const DELETE_CONFIRMATION = "LÖSCHEN";

export const deleteAccountAction = formAction({
  role: "client",
  firstIssueAsMessage: true,
  schema: z.object({
    confirmation: z
      .string()
      .transform((v) => v.trim().toUpperCase())
      .refine((v) => v === DELETE_CONFIRMATION, `Bitte tippe ${DELETE_CONFIRMATION} ein, um zu bestätigen.`),
  }),
  read: (form) => ({ confirmation: text(form, "confirmation") }),
  run: async (_input, { user }) => {
    await deleteClientAccount(user.id, await siteOrigin());
    await signOut({ redirect: false }).catch(() => {});
    redirect("/?konto=geloescht");
  },
});
