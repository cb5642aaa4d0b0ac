import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, billingAddresses, emailOutbox, invoiceEvents, practiceSettings, sessionTypes, users } from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { draftFromSessions } from "@/lib/billing/drafts";
import { cancelInvoice, issueInvoice } from "@/lib/billing/issue";
import { queuePaymentReminders } from "@/lib/billing/reminders";
import { recordPayment } from "@/lib/billing/status";
import { theCoach } from "@/lib/settings/coach";
import { pdfText } from "../pdf-text";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * The client's emails about invoices, on PostgreSQL: "Deine Rechnung …" written with the issue
 * (the PDF attached only when the client chose it), and the one friendly payment reminder after
 * the due date plus the configured days in the practice zone, once even when runs race.
 */

let database: TestDatabase;
let coachId: string;
let typeId: string;
let hour = 0;
const ORIGIN = "https://praxis.example";
// Issued 10 March 2027 with 14 days to pay: due 24 March; the reminder (7 days) from 31 March.
const ISSUED_AT = new Date("2027-03-10T09:00:00Z");

async function issuedFor(email: string, pdfByEmail = false) {
  const [row] = await database.db.insert(users).values({ email, name: "Anna Beispiel", role: "client" }).returning({ id: users.id });
  await database.db
    .insert(billingAddresses)
    .values({ userId: row!.id, name: "Anna Beispiel", street: "Lindenweg 3", postalCode: "79098", city: "Freiburg", pdfByEmail });
  const start = new Date(Date.UTC(2027, 2, 1, 8) + hour++ * 3_600_000);
  const end = new Date(start.getTime() + 50 * 60_000);
  await database.db.insert(appointments).values({
    coachId,
    clientId: row!.id,
    kind: "session",
    status: "completed",
    startAt: start,
    endAt: end,
    blockedFrom: start,
    blockedUntil: end,
    name: "Anna Beispiel",
    email,
    sessionTypeId: typeId,
  });
  return issueInvoice(await draftFromSessions(row!.id, undefined), { now: ISSUED_AT, origin: ORIGIN });
}

const emailsTo = (to: string, template: string) =>
  database.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.to, to), eq(emailOutbox.template, template)));

beforeAll(async () => {
  database = await useTestDatabase();
  await seedEssentials(database.db, "coach@example.com");
  coachId = (await theCoach()).id;
  await database.db
    .update(practiceSettings)
    .set({
      practiceName: "Rückenwind Coaching",
      coachName: "Mara Muster",
      street: "Hauptstraße 1",
      postalCode: "79098",
      city: "Freiburg",
      taxNumber: "06/123/45678",
      iban: "DE02 1203 0000 0000 2020 51",
      accountHolder: "Mara Muster",
      paymentTermDays: 14,
      paymentReminderDays: 7,
    })
    .where(eq(practiceSettings.id, 1));
  const [type] = await database.db.insert(sessionTypes).values({ name: "Coaching", durationMinutes: 50, priceCents: 9000 }).returning();
  typeId = type!.id;
});
afterAll(() => database.drop());

describe("the invoice email", () => {
  it("tells the client an invoice is ready, links to their invoices, names no amount, and attaches nothing by default", async () => {
    const invoice = await issuedFor("ohne-pdf@example.org");
    const [email] = await emailsTo("ohne-pdf@example.org", "invoice-ready");
    expect(email!.subject).toBe(`Deine Rechnung ${invoice.number}`);
    expect(email!.text).toContain("Hallo Anna,");
    expect(email!.text).toContain(`${ORIGIN}/dashboard/rechnungen`);
    expect(email!.text).not.toMatch(/90,00|€|Coaching-Sitzung/);
    expect(email!.attachments).toEqual([]);
  });

  it("attaches the PDF when the client chose so, and it is the invoice", async () => {
    const invoice = await issuedFor("mit-pdf@example.org", true);
    const [email] = await emailsTo("mit-pdf@example.org", "invoice-ready");
    expect(email!.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`Rechnung-${invoice.number}.pdf`, "application/pdf"]]);
    const text = (await pdfText(Buffer.from(email!.attachments[0]!.content, "base64"))).join("\n");
    expect(text).toContain(`Rechnung ${invoice.number}`);
    expect(text).toContain("90,00 €");
  });

  it("goes out for a cancellation invoice too, naming the invoice it cancels", async () => {
    const invoice = await issuedFor("storno@example.org");
    const storno = await cancelInvoice(invoice.id, { now: new Date("2027-03-11T09:00:00Z"), origin: ORIGIN });
    const emails = await emailsTo("storno@example.org", "invoice-ready");
    expect(emails.map((e) => e.subject).sort()).toEqual([`Deine Rechnung ${invoice.number}`, `Deine Stornorechnung ${storno.number}`]);
    expect(emails.find((e) => e.subject.includes("Storno"))!.text).toContain(`Sie hebt die Rechnung ${invoice.number} auf`);
  });
});

describe("the payment reminder", () => {
  it("goes out once, from due date + 7 days in the practice zone, even when two runs race; never for paid or cancelled invoices", async () => {
    const open = await issuedFor("offen@example.org");
    const paid = await issuedFor("bezahlt@example.org");
    await recordPayment(paid.id, { amountCents: 9000, paidOn: "2027-03-20", note: "" });
    const cancelled = await issuedFor("storniert@example.org");
    await cancelInvoice(cancelled.id, { now: ISSUED_AT, origin: ORIGIN });

    // 30 March 23:30 in Berlin (21:30 UTC): still a day early.
    expect(await queuePaymentReminders({ now: new Date("2027-03-30T21:30:00Z"), origin: ORIGIN })).toBe(0);
    // 31 March 00:30 in Berlin (22:30 UTC on the 30th): due. Two runs at once send one email.
    const at = new Date("2027-03-30T22:30:00Z");
    const runs = await Promise.all([
      queuePaymentReminders({ now: at, origin: ORIGIN }),
      queuePaymentReminders({ now: at, origin: ORIGIN }),
    ]);
    // Open and due: this one and the two of the tests above; each claimed by exactly one run.
    expect(runs.reduce((a, b) => a + b, 0)).toBe(3);
    expect(await database.db.select().from(emailOutbox).where(eq(emailOutbox.template, "payment-reminder"))).toHaveLength(3);
    const reminders = await emailsTo("offen@example.org", "payment-reminder");
    expect(reminders.map((e) => e.subject)).toEqual([`Kleine Erinnerung an deine Rechnung ${open.number}`]);
    expect(reminders[0]!.text).toContain("war am 24.03.2027 fällig");
    expect(reminders[0]!.text).toContain(`${ORIGIN}/dashboard/rechnungen`);
    const events = await database.db.select().from(invoiceEvents).where(eq(invoiceEvents.invoiceId, open.id));
    expect(events.map((e) => e.kind)).toEqual(["reminder_sent"]);
    expect(await emailsTo("bezahlt@example.org", "payment-reminder")).toEqual([]);
    expect(await emailsTo("storniert@example.org", "payment-reminder")).toEqual([]);

    // A later run sends nothing more.
    expect(await queuePaymentReminders({ now: new Date("2027-04-30T09:00:00Z"), origin: ORIGIN })).toBe(0);
    expect(await emailsTo("offen@example.org", "payment-reminder")).toHaveLength(1);
  });

  it("is off with 0 days", async () => {
    await database.db.update(practiceSettings).set({ paymentReminderDays: 0 }).where(eq(practiceSettings.id, 1));
    try {
      await issuedFor("aus@example.org");
      expect(await queuePaymentReminders({ now: new Date("2028-01-01T09:00:00Z"), origin: ORIGIN })).toBe(0);
      expect(await emailsTo("aus@example.org", "payment-reminder")).toEqual([]);
    } finally {
      await database.db.update(practiceSettings).set({ paymentReminderDays: 7 }).where(eq(practiceSettings.id, 1));
    }
  });
});
