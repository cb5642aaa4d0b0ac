import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appointments,
  billingAddresses,
  invoiceLines,
  invoices,
  practiceSettings,
  sessionPackages,
  sessionTypes,
  users,
} from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { setOutcome } from "@/lib/appointments/outcome";
import { draftFromPackage, draftFromSessions, unbilledSessions } from "@/lib/billing/drafts";
import { cancelInvoice, issueInvoice } from "@/lib/billing/issue";
import { drawCredit, sellPackage } from "@/lib/billing/packages";
import { listInvoices, recordPayment } from "@/lib/billing/status";
import { exportClientData } from "@/lib/clients/my-data";
import { theCoach } from "@/lib/settings/coach";
import { sqlState, useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * The books, on the database: gapless numbers under concurrency, invoices the database keeps
 * unchanged once issued, cancellations that net to zero, nothing billed twice, and package
 * credits that no race overdraws. Clocks are injected (2027), amounts written by hand.
 */

let database: TestDatabase;
let coachId: string;
let typeId: string;
const ISSUED_AT = new Date("2027-03-10T09:00:00Z");

async function client(email: string, withAddress = true) {
  const [row] = await database.db.insert(users).values({ email, name: "Anna Beispiel", role: "client" }).returning({ id: users.id });
  if (withAddress)
    await database.db
      .insert(billingAddresses)
      .values({ userId: row!.id, name: "Anna Beispiel", street: "Lindenweg 3", postalCode: "79098", city: "Freiburg" });
  return row!.id;
}

let hour = 0;
/** A completed session of 50 minutes, each at its own hour. */
async function completedSession(clientId: string, start = new Date(Date.UTC(2027, 0, 1, 8) + hour++ * 3_600_000)) {
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
      iban: "DE02 1203 0000 0000 2020 51",
      bic: "BYLADEM1001",
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
afterAll(() => database.drop());

describe("invoice numbers", () => {
  it("20 concurrent issues get 20 consecutive numbers of the year, no gap and no duplicate", async () => {
    const clientId = await client("zwanzig@example.org");
    const drafts: string[] = [];
    for (let i = 0; i < 20; i++) {
      const pkg = await sellPackage({ clientId, title: `Paket ${i}`, sessions: 1, priceCents: 9000, expiresOn: null });
      drafts.push(await draftFromPackage(pkg.id));
    }
    const issued = await Promise.all(drafts.map((id) => issueInvoice(id, { now: ISSUED_AT })));
    const expected = Array.from({ length: 20 }, (_, i) => `2027-${String(i + 1).padStart(4, "0")}`);
    expect(issued.map((i) => i.number).sort()).toEqual(expected);
    expect(issued.every((i) => i.issueDate === "2027-03-10" && i.dueDate === "2027-03-24")).toBe(true);
  });

  it("take the year of the issue date in the practice's zone: New Year's Eve 23:30 UTC is 2028 in Berlin", async () => {
    const clientId = await client("silvester@example.org");
    const pkg = await sellPackage({ clientId, title: "Silvester", sessions: 1, priceCents: 9000, expiresOn: null });
    const issued = await issueInvoice(await draftFromPackage(pkg.id), { now: new Date("2027-12-31T23:30:00Z") });
    expect(issued.number).toBe("2028-0001");
    expect(issued.issueDate).toBe("2028-01-01");
  });
});

describe("an issued invoice", () => {
  it("is refused any UPDATE or DELETE by the database, its lines too; a draft may still change", async () => {
    const clientId = await client("fest@example.org");
    await completedSession(clientId);
    const draftId = await draftFromSessions(clientId, undefined);
    await database.db.update(invoices).set({ grossCents: 0, netCents: 0 }).where(eq(invoices.id, draftId)); // a draft: allowed
    const issued = await issueInvoice(draftId, { now: ISSUED_AT });
    expect(issued.grossCents).toBe(9000);

    const refused = async (statement: Promise<unknown>) => {
      const error = await statement.then(
        () => null,
        (e: unknown) => e,
      );
      expect(sqlState(error)).toBe("23514");
    };
    await refused(database.db.execute(sql`update invoices set gross_cents = 1, net_cents = 1 where id = ${issued.id}`));
    await refused(database.db.execute(sql`update invoices set recipient = '{}'::jsonb where id = ${issued.id}`));
    await refused(database.db.execute(sql`delete from invoices where id = ${issued.id}`));
    await refused(database.db.execute(sql`update invoice_lines set gross_cents = 1 where invoice_id = ${issued.id}`));
    await refused(database.db.execute(sql`delete from invoice_lines where invoice_id = ${issued.id}`));
    await refused(database.db.execute(sql`truncate invoices, invoice_lines cascade`));
    await refused(
      database.db
        .insert(invoiceLines)
        .values({ invoiceId: issued.id, position: 9, description: "Nachtrag", serviceDate: "2027-03-01", grossCents: 100 }),
    );
    const [still] = await database.db.select().from(invoices).where(eq(invoices.id, issued.id));
    expect(still).toMatchObject({ grossCents: 9000, number: issued.number, status: "issued" });
  });

  it("carries every party's snapshot, the § 19 sentence and the service period", async () => {
    const clientId = await client("snapshot@example.org");
    await completedSession(clientId, new Date("2027-02-03T09:00:00Z"));
    await completedSession(clientId, new Date("2027-02-17T09:00:00Z"));
    const draftId = await draftFromSessions(clientId, undefined);
    // The coach's draft is written about the client: their export holds it, with its lines, before it is issued.
    const beforeIssue = (await exportClientData(clientId)).billing;
    expect(beforeIssue.invoices).toEqual([]);
    expect(beforeIssue.drafts.map((d) => [d.id, d.status, d.lines.length])).toEqual([[draftId, "draft", 2]]);
    const issued = await issueInvoice(draftId, { now: ISSUED_AT });
    expect(issued.issuer).toMatchObject({
      name: "Mara Muster, Rückenwind Coaching",
      taxNumber: "06/123/45678",
      iban: "DE02120300000000202051",
    });
    expect(issued.recipient).toMatchObject({ name: "Anna Beispiel", street: "Lindenweg 3", postalCode: "79098", city: "Freiburg" });
    expect(issued).toMatchObject({
      grossCents: 18000,
      netCents: 18000,
      taxCents: 0,
      taxRate: 0,
      taxNote: "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.",
    });
    expect(issued).toMatchObject({ serviceFrom: "2027-02-03", serviceUntil: "2027-02-17" });

    // The client's export holds the address and the invoice with its two lines.
    const { billing } = await exportClientData(clientId);
    expect(billing.address).toMatchObject({ street: "Lindenweg 3", city: "Freiburg" });
    expect(billing.invoices.map((i) => [i.number, i.lines.length, i.grossCents])).toEqual([[issued.number, 2, 18000]]);
    expect(billing.drafts).toEqual([]);
  });

  it("is not drafted without the client's billing address", async () => {
    const clientId = await client("ohne-adresse@example.org", false);
    await completedSession(clientId);
    await expect(draftFromSessions(clientId, undefined)).rejects.toThrow("Rechnungsadresse");
  });
});

describe("regular VAT and cancellation", () => {
  it("computes 19 % once from the sum of the gross amounts, and a cancellation nets the original to zero", async () => {
    await database.db.update(practiceSettings).set({ taxMode: "vat", vatId: "DE123456789" }).where(eq(practiceSettings.id, 1));
    try {
      const clientId = await client("storno@example.org");
      const sessions = [await completedSession(clientId), await completedSession(clientId), await completedSession(clientId)];
      const draftId = await draftFromSessions(clientId, sessions);
      // 3 × 80,00 € instead of 90,00 €: the coach's reviewed price.
      await database.db.update(invoiceLines).set({ grossCents: 8000 }).where(eq(invoiceLines.invoiceId, draftId));
      const original = await issueInvoice(draftId, { now: ISSUED_AT });
      // 240,00 € gross contain 19/119 of VAT: 38,3193… → 38,32 €; net 201,68 €.
      expect(original).toMatchObject({ grossCents: 24000, taxCents: 3832, netCents: 20168, taxRate: 19 });

      const storno = await cancelInvoice(original.id, { now: new Date("2027-03-12T09:00:00Z") });
      expect(storno).toMatchObject({ kind: "cancellation", cancels: original.id, grossCents: -24000, taxCents: -3832, netCents: -20168 });
      expect(storno.number).not.toBe(original.number);
      expect(original.grossCents + storno.grossCents).toBe(0);
      expect(original.taxCents + storno.taxCents).toBe(0);

      // The original is unchanged and shows as cancelled; its sessions can be billed again.
      const rows = await listInvoices({ clientId }, "2027-03-12");
      expect(rows.find((r) => r.id === original.id)).toMatchObject({ state: "cancelled", grossCents: 24000, cancelledBy: storno.number });
      expect(rows.find((r) => r.id === storno.id)!.state).toBe("cancellation");
      expect((await unbilledSessions(clientId)).map((s) => s.id).sort()).toEqual([...sessions].sort());
      await expect(cancelInvoice(original.id)).rejects.toThrow("schon storniert");
    } finally {
      await database.db.update(practiceSettings).set({ taxMode: "small_business" }).where(eq(practiceSettings.id, 1));
    }
  });
});

describe("nothing is billed twice", () => {
  it("two drafts of one session issued at once: one invoice, the other refused", async () => {
    const clientId = await client("doppelt@example.org");
    const session = await completedSession(clientId);
    const [a, b] = [await draftFromSessions(clientId, [session]), await draftFromSessions(clientId, [session])];
    const results = await Promise.allSettled([issueInvoice(a!, { now: ISSUED_AT }), issueInvoice(b!, { now: ISSUED_AT })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(rejected.reason.message)).toContain("abgerechnet");
    expect(await unbilledSessions(clientId)).toEqual([]);
  });
});

describe("package credits", () => {
  it("ten sessions racing for a package of three: three credits drawn, never more", async () => {
    const clientId = await client("paket@example.org");
    const pkg = await sellPackage({ clientId, title: "3 Sitzungen", sessions: 3, priceCents: 24000, expiresOn: null });
    const sessions = await Promise.all(Array.from({ length: 10 }, () => completedSession(clientId)));
    const drawn = await Promise.all(sessions.map((id) => database.db.transaction((tx) => drawCredit(tx, id, clientId, "2027-03-10"))));
    expect(drawn.filter((p) => p === pkg.id)).toHaveLength(3);
    expect(drawn.filter((p) => p === null)).toHaveLength(7);
    const [row] = await database.db.select().from(sessionPackages).where(eq(sessionPackages.id, pkg.id));
    expect(row!.used).toBe(3);
    // The database itself refuses an overdraft, and a used count below zero.
    for (const used of [4, -1]) {
      const error = await database.db
        .update(sessionPackages)
        .set({ used })
        .where(eq(sessionPackages.id, pkg.id))
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(sqlState(error)).toBe("23514");
    }
    // A session on the package is not billed on its own: seven are left to bill.
    expect(await unbilledSessions(clientId)).toHaveLength(7);
  });

  it("marking a session as held draws its credit; the session is then not billed on its own", async () => {
    const clientId = await client("gehalten@example.org");
    const pkg = await sellPackage({ clientId, title: "2 Sitzungen", sessions: 2, priceCents: 16000, expiresOn: null });
    const session = await completedSession(clientId, new Date("2026-01-05T09:00:00Z"));
    await database.db.update(appointments).set({ status: "confirmed" }).where(eq(appointments.id, session));
    await setOutcome(session, "completed");
    const [row] = await database.db.select().from(sessionPackages).where(eq(sessionPackages.id, pkg.id));
    expect(row!.used).toBe(1);
    expect(await unbilledSessions(clientId)).toEqual([]);
  });

  it("an expired package draws nothing", async () => {
    const clientId = await client("abgelaufen@example.org");
    await sellPackage({ clientId, title: "Alt", sessions: 5, priceCents: 1, expiresOn: "2027-03-09" });
    const session = await completedSession(clientId);
    expect(await database.db.transaction((tx) => drawCredit(tx, session, clientId, "2027-03-10"))).toBeNull();
  });
});

describe("payments", () => {
  it("partial payments add up to paid; before that the invoice is open, after the due date overdue", async () => {
    const clientId = await client("zahlung@example.org");
    await completedSession(clientId);
    const issued = await issueInvoice(await draftFromSessions(clientId, undefined), { now: ISSUED_AT });
    const state = async (today: string) => (await listInvoices({ clientId }, today)).find((r) => r.id === issued.id)!.state;
    expect(await state("2027-03-24")).toBe("open");
    expect(await state("2027-03-25")).toBe("overdue");
    await recordPayment(issued.id, { amountCents: 5000, paidOn: "2027-03-20", note: "" });
    expect(await state("2027-03-25")).toBe("overdue");
    await recordPayment(issued.id, { amountCents: 4000, paidOn: "2027-03-26", note: "Rest" });
    expect(await state("2027-03-27")).toBe("paid");
    const error = await database.db.execute(sql`delete from payments where invoice_id = ${issued.id}`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(sqlState(error)).toBe("23514");
  });
});
