"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fields, formAction, sent, text } from "@/lib/http/form-action";
import { AppError } from "@/lib/http/errors";
import { getPracticeSettings } from "@/lib/settings/queries";
import { siteOrigin } from "@/lib/site-url";
import { todayIn } from "@/lib/time/zone";
import { draftFromPackage, draftFromSessions } from "./drafts";
import { formatEuro } from "./money";
import { cancelInvoice, issueInvoice } from "./issue";
import { sellPackage } from "./packages";
import { assertClient, discardDraft, loadInvoice, openCents, saveBillingAddress, saveBillingSettings } from "./queries";
import {
  billingAddressSchema,
  billingSettingsSchema,
  draftSessionsSchema,
  invoiceIdSchema,
  packageDraftSchema,
  paymentSchema,
  sellPackageSchema,
} from "./schemas";
import { recordPayment } from "./status";

/*
 * The coach's money actions. Each goes through formAction (coach only, zod parse, AppErrors as
 * the form's German message); the domain lives in lib/billing.
 */

const addressFields = ["name", "street", "postalCode", "city", "country"] as const;

export const saveBillingSettingsAction = formAction({
  role: "coach",
  schema: billingSettingsSchema,
  read: (form) =>
    fields(form, ["taxMode", "exemptionNote", "taxNumber", "iban", "bic", "accountHolder", "paymentTermDays", "paymentReminderDays"]),
  run: async (input) => {
    await saveBillingSettings(input);
    revalidatePath("/coach/einstellungen");
    return "Gespeichert. Neue Rechnungen zeigen ab sofort diese Angaben; gestellte Rechnungen bleiben, wie sie sind.";
  },
});

/** The coach enters a client's invoice address on the client page. */
export const saveClientBillingAddressAction = formAction({
  role: "coach",
  schema: billingAddressSchema.extend({ clientId: draftSessionsSchema.shape.clientId }),
  read: (form, clientId: string) => ({ ...fields(form, addressFields), pdfByEmail: text(form, "pdfByEmail"), clientId: String(clientId) }),
  run: async ({ clientId, ...address }) => {
    await saveBillingAddress(clientId, address);
    revalidatePath(`/coach/klienten/${clientId}`);
    return "Rechnungsadresse gespeichert.";
  },
});

export const sellPackageAction = formAction({
  role: "coach",
  schema: sellPackageSchema,
  read: (form, clientId: string) => ({ ...fields(form, ["title", "sessions", "price", "expiresOn"]), clientId: String(clientId) }),
  run: async ({ clientId, title, sessions, price, expiresOn }) => {
    await assertClient(clientId);
    await sellPackage({ clientId, title, sessions, priceCents: price, expiresOn });
    revalidatePath(`/coach/klienten/${clientId}`);
    return `Paket „${title}“ angelegt. Abgeschlossene Sitzungen ziehen ab jetzt davon ab; die Rechnung für das Paket erstellst du unter „Abrechnen“.`;
  },
});

/** "Abrechnen": a draft of the chosen sessions, then on to its review page. */
export const draftFromSessionsAction = formAction({
  role: "coach",
  schema: draftSessionsSchema,
  firstIssueAsMessage: true,
  read: (form, clientId: string) => ({
    clientId: String(clientId),
    appointmentIds: form.getAll("appointmentIds").filter((v) => typeof v === "string"),
  }),
  run: async ({ clientId, appointmentIds }) => {
    await assertClient(clientId);
    const id = await draftFromSessions(clientId, appointmentIds);
    redirect(`/coach/rechnungen/${id}`);
  },
});

export const draftFromPackageAction = formAction({
  role: "coach",
  schema: packageDraftSchema,
  read: (form) => fields(form, ["packageId"]),
  run: async ({ packageId }) => {
    const id = await draftFromPackage(packageId);
    redirect(`/coach/rechnungen/${id}`);
  },
});

export const issueInvoiceAction = formAction({
  role: "coach",
  schema: invoiceIdSchema,
  read: (form) => fields(form, ["invoiceId"]),
  run: async ({ invoiceId }) => {
    await issueInvoice(invoiceId, { origin: await siteOrigin() });
    revalidatePath("/coach/rechnungen");
    // The review page becomes the invoice's page; its notice says what happened.
    redirect(`/coach/rechnungen/${invoiceId}?hinweis=gestellt`);
  },
});

export const discardDraftAction = formAction({
  role: "coach",
  schema: invoiceIdSchema,
  read: (form) => fields(form, ["invoiceId"]),
  run: async ({ invoiceId }) => {
    const gone = await discardDraft(invoiceId);
    revalidatePath("/coach/rechnungen");
    redirect(`/coach/klienten/${gone.clientId}#abrechnen`);
  },
});

export const recordPaymentAction = formAction({
  role: "coach",
  schema: paymentSchema,
  read: (form) => ({ ...fields(form, ["invoiceId", "amount", "paidOn"]), note: sent(form, "note") ?? "" }),
  run: async ({ invoiceId, amount, paidOn, note }) => {
    const settings = await getPracticeSettings();
    const detail = await loadInvoice(invoiceId, todayIn(settings.timeZone));
    if (!detail || detail.invoice.status !== "issued" || detail.invoice.kind !== "invoice")
      throw new AppError("not_found", "Diese Rechnung gibt es nicht.");
    if (detail.invoice.cancelledBy) throw new AppError("conflict", "Diese Rechnung ist storniert.");
    const open = openCents(detail.invoice);
    if (open === 0) throw new AppError("conflict", "Diese Rechnung ist schon vollständig bezahlt.");
    const cents = amount ?? open;
    if (cents > open) throw new AppError("invalid", `Das ist mehr, als noch offen ist (${formatEuro(open)}).`, { field: "amount" });
    await recordPayment(invoiceId, { amountCents: cents, paidOn, note });
    revalidatePath("/coach/rechnungen");
    redirect(`/coach/rechnungen/${invoiceId}?hinweis=${cents === open ? "bezahlt" : "teilzahlung"}`);
  },
});

export const cancelInvoiceAction = formAction({
  role: "coach",
  schema: invoiceIdSchema,
  read: (form) => fields(form, ["invoiceId"]),
  run: async ({ invoiceId }) => {
    const storno = await cancelInvoice(invoiceId, { origin: await siteOrigin() });
    revalidatePath("/coach/rechnungen");
    redirect(`/coach/rechnungen/${storno.id}?hinweis=storniert`);
  },
});
