import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appointments,
  billingAddresses,
  invoiceEvents,
  invoiceLines,
  invoices,
  payments,
  practiceSettings,
  sessionTypes,
  users,
} from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { draftFromPackage, draftFromSessions } from "@/lib/billing/drafts";
import { cancelInvoice, issueInvoice } from "@/lib/billing/issue";
import { allocateInvoiceNumber } from "@/lib/billing/numbering";
import { drawCredit, sellPackage } from "@/lib/billing/packages";
import { recordPayment } from "@/lib/billing/status";
import { deleteClientAccount, exportClientData } from "@/lib/clients/my-data";
import { theCoach } from "@/lib/settings/coach";
import { sqlState, useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * An attacker's review of the books: each test tries a way around the rules of the billing core
 * with plain SQL or the domain functions, as a bug or a careless script would, and expects the
 * database to refuse. Clocks are injected (2027).
 */

let database: TestDatabase;
let coachId: string;
let typeId: string;
const ISSUED_AT = new Date("2027-05-10T09:00:00Z");

async function client(email: string) {
  const [row] = await database.db.insert(users).values({ email, name: "Anna Beispiel", role: "client" }).returning({ id: users.id });
  await database.db
    .insert(billingAddresses)
    .values({ userId: row!.id, name: "Anna Beispiel", street: "Lindenweg 3", postalCode: "79098", city: "Freiburg" });
  return row!.id;
}

let hour = 0;
async function completedSession(clientId: string) {
  const start = new Date(Date.UTC(2027, 3, 1, 8) + hour++ * 3_600_000);
  const end = new Date(start.getTime() + 50 * 60_000);
  const [row] = await database.db
    .insert(appointments)
    .values({
      coachId,
      clientId,
      kind: "session",
      status: "completed",
      startAt: start,
      endAt: end,
      blockedFrom: start,
      blockedUntil: end,
      name: "Anna Beispiel",
      email: "x@example.org",
      sessionTypeId: typeId,
    })
    .returning({ id: appointments.id });
  return row!.id;
}

async function issuedInvoiceOf(clientId: string) {
  await completedSession(clientId);
  return issueInvoice(await draftFromSessions(clientId, undefined), { now: ISSUED_AT });
}

async function refused(statement: Promise<unknown>) {
  const error = await statement.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the database let it through").not.toBeNull();
  expect(["23514", "23505", "23503", "P0001"]).toContain(sqlState(error));
}

beforeAll(async () => {
  database = await useTestDatabase();
  await seedEssentials(database.db, "coach@example.com");
  coachId = (await theCoach()).id;
  await database.db
    .update(practiceSettings)
    .set({
      coachName: "Mara Muster",
      street: "Hauptstraße 1",
      postalCode: "79098",
      city: "Freiburg",
      taxNumber: "06/123/45678",
      iban: "DE02120300000000202051",
      accountHolder: "Mara Muster",
      taxMode: "small_business",
    })
    .where(eq(practiceSettings.id, 1));
  const [type] = await database.db
    .insert(sessionTypes)
    .values({ name: "Coaching", durationMinutes: 50, priceCents: 9000 })
    .returning({ id: sessionTypes.id });
  typeId = type!.id;
});
afterAll(() => database?.drop());

describe("an issued invoice cannot be forged, changed or emptied", () => {
  it("an invoice cannot be inserted as issued, past the numbering", async () => {
    const clientId = await client("eingefuegt@example.org");
    await refused(
      database.db.insert(invoices).values({
        clientId,
        status: "issued",
        year: 2027,
        sequence: 999,
        number: "2027-0999",
        issueDate: "2027-05-10",
        issuer: {
          name: "X",
          street: "X",
          postalCode: "1",
          city: "X",
          taxNumber: "1",
          vatId: "",
          email: "",
          iban: "",
          bic: "",
          accountHolder: "",
        },
        recipient: { name: "X", street: "X", postalCode: "1", city: "X" },
        taxMode: "small_business",
      }),
    );
  });

  it("a draft cannot be marked issued with a number of its own choosing", async () => {
    const clientId = await client("selbstnummer@example.org");
    await completedSession(clientId);
    const draftId = await draftFromSessions(clientId, undefined);
    await refused(
      database.db.execute(sql`
        update invoices set status = 'issued', year = 2027, sequence = 777, number = '2027-0777', issue_date = '2027-05-10',
          issuer = '{}'::jsonb, recipient = '{}'::jsonb, tax_mode = 'small_business'
        where id = ${draftId}`),
    );
  });

  it("the year's counter cannot be set back or removed (that would repeat or skip numbers)", async () => {
    const clientId = await client("zaehler@example.org");
    await issuedInvoiceOf(clientId);
    await refused(database.db.execute(sql`update invoice_counters set last = last - 1 where year = 2027`));
    await refused(database.db.execute(sql`update invoice_counters set last = last + 5 where year = 2027`));
    await refused(database.db.execute(sql`delete from invoice_counters where year = 2027`));
    await refused(database.db.execute(sql`truncate invoice_counters`));
  });

  it("a number taken by a transaction that rolls back is given back: no gap", async () => {
    const before = await database.db.execute(sql`select last from invoice_counters where year = 2031`);
    expect(before).toHaveLength(0);
    await database.db
      .transaction(async (tx) => {
        await allocateInvoiceNumber(tx, 2031);
        throw new Error("rollback");
      })
      .catch(() => {});
    const clientId = await client("rueckgabe@example.org");
    await completedSession(clientId);
    const issued = await issueInvoice(await draftFromSessions(clientId, undefined), { now: new Date("2031-02-01T09:00:00Z") });
    expect(issued.number).toBe("2031-0001");
  });
});

describe("payments belong to issued invoices", () => {
  it("are refused by the database on a cancellation invoice and on a draft, not only by the code", async () => {
    const clientId = await client("zahlung@example.org");
    const original = await issuedInvoiceOf(clientId);
    const storno = await cancelInvoice(original.id, { now: ISSUED_AT });
    await refused(database.db.insert(payments).values({ invoiceId: storno.id, amountCents: 9000, paidOn: "2027-05-11" }));
    await completedSession(clientId);
    const draftId = await draftFromSessions(clientId, undefined);
    await refused(database.db.insert(payments).values({ invoiceId: draftId, amountCents: 100, paidOn: "2027-05-11" }));
    await expect(recordPayment(storno.id, { amountCents: 9000, paidOn: "2027-05-11", note: "" })).rejects.toThrow(/gibt es nicht/);
  });
});

describe("nothing is billed twice", () => {
  it("the claims of an invoice that is not cancelled cannot be deleted, so its session cannot be billed again", async () => {
    const clientId = await client("anspruch@example.org");
    const issued = await issuedInvoiceOf(clientId);
    await refused(database.db.execute(sql`delete from billing_claims where invoice_id = ${issued.id}`));
    await refused(database.db.execute(sql`update billing_claims set appointment_id = gen_random_uuid() where invoice_id = ${issued.id}`));
    await refused(database.db.execute(sql`truncate billing_claims`));
  });

  it("after a cancellation the session can be billed again, once; a package credit then is not drawn for it", async () => {
    const clientId = await client("wieder@example.org");
    const first = await issuedInvoiceOf(clientId);
    const [line] = await database.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, first.id));
    await cancelInvoice(first.id, { now: ISSUED_AT });
    const second = await issueInvoice(await draftFromSessions(clientId, [line!.appointmentId!]), { now: ISSUED_AT });
    expect(second.grossCents).toBe(9000);
    await expect(draftFromSessions(clientId, [line!.appointmentId!])).rejects.toThrow(/schon abgerechnet/);
    await sellPackage({ clientId, title: "Paket", sessions: 3, priceCents: 24000, expiresOn: null });
    expect(await database.db.transaction((tx) => drawCredit(tx, line!.appointmentId!, clientId, "2027-05-10"))).toBeNull();
  });

  it("a package invoiced, cancelled and invoiced again is billed once at a time", async () => {
    const clientId = await client("paketwieder@example.org");
    const pkg = await sellPackage({ clientId, title: "Paket", sessions: 2, priceCents: 16000, expiresOn: null });
    const first = await issueInvoice(await draftFromPackage(pkg.id), { now: ISSUED_AT });
    await expect(issueInvoice(await draftFromPackage(pkg.id), { now: ISSUED_AT })).rejects.toThrow(/schon|anderen Rechnung/);
    await cancelInvoice(first.id, { now: ISSUED_AT });
    expect((await issueInvoice(await draftFromPackage(pkg.id), { now: ISSUED_AT })).grossCents).toBe(16000);
  });
});

describe("account deletion keeps the books", () => {
  it("keeps the invoice, its lines and payments unchanged; the export before it listed them", async () => {
    const clientId = await client("loeschen@example.org");
    const issued = await issuedInvoiceOf(clientId);
    await recordPayment(issued.id, { amountCents: 4000, paidOn: "2027-05-12", note: "Teilzahlung" });
    await database.db.insert(invoiceEvents).values({ invoiceId: issued.id, kind: "reminder_sent", at: new Date("2027-05-20T08:00:00Z") });
    const exported = await exportClientData(clientId);
    expect(exported.billing.invoices.map((i) => [i.number, i.lines.length, i.payments.length])).toEqual([[issued.number, 1, 1]]);
    // The reminder the client was sent is theirs to see as well.
    expect(exported.billing.invoices[0]!.events).toEqual([{ kind: "reminder_sent", at: new Date("2027-05-20T08:00:00Z") }]);
    await deleteClientAccount(clientId, "http://localhost:3000");
    const [kept] = await database.db.select().from(invoices).where(eq(invoices.id, issued.id));
    expect(kept).toMatchObject({ status: "issued", number: issued.number, grossCents: 9000, clientId });
    expect(await database.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, issued.id))).toHaveLength(1);
    expect(await database.db.select().from(payments).where(eq(payments.invoiceId, issued.id))).toHaveLength(1);
  });
});
