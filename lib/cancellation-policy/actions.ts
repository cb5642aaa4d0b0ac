"use server";

import { revalidatePath } from "next/cache";
import { fields, formAction } from "@/lib/http/form-action";
import { billFee } from "./fees";
import { feeButtonLabel } from "./offer";
import { acceptPolicy, savePolicy } from "./policy";
import { acceptPolicySchema, billFeeSchema, policyFormSchema } from "./schemas";

/** The coach saves the policy; a changed one is a new version every client is asked to accept. */
export const savePolicyAction = formAction({
  role: "coach",
  schema: policyFormSchema,
  read: (form) => fields(form, ["text", "hoursBefore", "latePercent", "noShowPercent"]),
  run: async (input) => {
    const { created } = await savePolicy(input);
    revalidatePath("/coach/einstellungen");
    return created
      ? "Gespeichert als neue Fassung. Deine Klient*innen sehen sie bei ihrem nächsten Besuch und stimmen ihr zu."
      : "Unverändert: Die Absageregel ist schon so gespeichert.";
  },
});

/** The client agrees to the version they read on their dashboard. */
export const acceptPolicyAction = formAction({
  role: "client",
  firstIssueAsMessage: true,
  schema: acceptPolicySchema,
  read: (form) => fields(form, ["policyId"]),
  run: async ({ policyId }, { user }) => {
    await acceptPolicy(user.id, policyId);
    // No revalidation: the card stays with its thanks; at the next visit it is gone.
    return "Danke! Deine Zustimmung ist gespeichert.";
  },
});

/** One click of the coach: the fee of one late-cancelled or missed session, by the accepted policy. */
export const billFeeAction = formAction({
  role: "coach",
  firstIssueAsMessage: true,
  schema: billFeeSchema,
  read: (_form, clientId: string, appointmentId: string) => ({ clientId: String(clientId), appointmentId: String(appointmentId) }),
  run: async ({ clientId, appointmentId }) => {
    const { fee, created, packageId } = await billFee(clientId, appointmentId);
    revalidatePath(`/coach/klienten/${clientId}`);
    if (!created) return "Dieses Ausfallhonorar ist schon berechnet.";
    const what = feeButtonLabel(fee).replace(" berechnen", "");
    return packageId
      ? `${what}: berechnet, ein Guthaben aus dem Paket ist verbraucht.`
      : `${what}: berechnet. Es steht bei den offenen Posten für die nächste Rechnung.`;
  },
});
