import { eq } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "@/db";
import { billingAddresses, type Invoice, type InvoiceLine } from "@/db/schema";
import InvoiceReadyEmail, { invoiceReadySubject } from "@/emails/invoice-ready";
import PaymentReminderEmail, { paymentReminderSubject } from "@/emails/payment-reminder";
import { formatInvoiceDate, invoicePdfFileName, renderInvoicePdf } from "@/lib/billing/pdf";
import { enqueueEmail } from "@/lib/email/outbox";
import type { Voice } from "./voice";
import { firstNameOf } from "@/lib/validation/first-name";

/*
 * The client's emails about invoices. They link into the portal and carry no amounts and no
 * health data; the PDF rides along only when the client chose so in their settings (the
 * practice's name on it alone says what the coaching is about).
 */

/** "Deine Rechnung 2027-0001": written in the issuing transaction `tx`. */
export async function queueInvoiceReady(
  tx: Db,
  voice: Voice,
  invoice: Invoice,
  lines: InvoiceLine[],
  cancelsNumber: string | null,
  origin: string,
) {
  if (!invoice.recipientEmail || !invoice.recipient || !invoice.number) return;
  const [address] = await tx
    .select({ pdfByEmail: billingAddresses.pdfByEmail })
    .from(billingAddresses)
    .where(eq(billingAddresses.userId, invoice.clientId));
  const attached = address?.pdfByEmail === true;
  const attachments = attached
    ? [
        {
          filename: invoicePdfFileName(invoice.number),
          contentType: "application/pdf",
          content: (await renderInvoicePdf(invoice, lines, { cancelsNumber })).toString("base64"),
        },
      ]
    : [];
  await enqueueEmail(
    {
      template: "invoice-ready",
      to: invoice.recipientEmail,
      subject: invoiceReadySubject(invoice.kind, invoice.number),
      body: createElement(InvoiceReadyEmail, {
        practiceName: voice.practice.practiceName,
        coachName: voice.sender.name,
        name: firstNameOf(invoice.recipient.name) ?? invoice.recipient.name,
        kind: invoice.kind,
        number: invoice.number,
        cancelsNumber: cancelsNumber ?? "",
        invoicesUrl: `${origin}/dashboard/rechnungen`,
        attached,
      }),
      dedupeKey: `invoice-ready:${invoice.id}`,
      attachments,
    },
    tx,
  );
}

/** The one friendly payment reminder of an invoice, in the transaction that claimed it. */
export async function queuePaymentReminder(tx: Db, voice: Voice, invoice: Invoice, origin: string) {
  if (!invoice.recipientEmail || !invoice.recipient || !invoice.number || !invoice.dueDate) return;
  await enqueueEmail(
    {
      template: "payment-reminder",
      to: invoice.recipientEmail,
      subject: paymentReminderSubject(invoice.number),
      body: createElement(PaymentReminderEmail, {
        practiceName: voice.practice.practiceName,
        coachName: voice.sender.name,
        name: firstNameOf(invoice.recipient.name) ?? invoice.recipient.name,
        number: invoice.number,
        dueDate: formatInvoiceDate(invoice.dueDate),
        invoicesUrl: `${origin}/dashboard/rechnungen`,
      }),
      dedupeKey: `payment-reminder:${invoice.id}`,
    },
    tx,
  );
}
