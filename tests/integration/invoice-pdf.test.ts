import { eq } from "drizzle-orm";
import jsQR from "jsqr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, billingAddresses, practiceSettings, sessionTypes, users } from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { draftFromSessions } from "@/lib/billing/drafts";
import { cancelInvoice, issueInvoice } from "@/lib/billing/issue";
import { invoicePdfFor } from "@/lib/billing/pdf";
import { theCoach } from "@/lib/settings/coach";
import { pdfImages } from "../pdf-images";
import { pdfText } from "../pdf-text";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * The invoice PDF as the client and the tax office read it: issued on PostgreSQL, its text
 * extracted with pdf.js, every field of § 14 Abs. 4 UStG checked against values written by hand,
 * and the GiroCode decoded from the embedded image by jsqr.
 */

let database: TestDatabase;
let coachId: string;
let typeId: string;
const ISSUED_AT = new Date("2027-03-10T09:00:00Z");

async function setPractice(values: Partial<typeof practiceSettings.$inferInsert>) {
  await database.db.update(practiceSettings).set(values).where(eq(practiceSettings.id, 1));
}

async function clientWithSessions(email: string, starts: string[]) {
  const [row] = await database.db.insert(users).values({ email, name: "Anna Beispiel", role: "client" }).returning({ id: users.id });
  await database.db
    .insert(billingAddresses)
    .values({ userId: row!.id, name: "Anna Beispiel", street: "Lindenweg 3", postalCode: "79098", city: "Freiburg" });
  for (const iso of starts) {
    const start = new Date(iso);
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
  }
  return row!.id;
}

const textOf = async (pdf: Buffer) => (await pdfText(pdf)).join("\n");

async function qrOf(pdf: Buffer): Promise<string[]> {
  return (await pdfImages(pdf)).map((img) => jsQR(img.rgba, img.width, img.height)?.data ?? "(unreadable)");
}

beforeAll(async () => {
  database = await useTestDatabase();
  await seedEssentials(database.db, "coach@example.com");
  coachId = (await theCoach()).id;
  await setPractice({
    practiceName: "Rückenwind Coaching",
    coachName: "Mara Muster",
    street: "Hauptstraße 1",
    postalCode: "79098",
    city: "Freiburg",
    email: "mara@example.com",
    taxNumber: "06/123/45678",
    iban: "DE02 1203 0000 0000 2020 51",
    bic: "BYLADEM1001",
    accountHolder: "Mara Muster",
    taxMode: "small_business",
    paymentTermDays: 14,
  });
  const [type] = await database.db
    .insert(sessionTypes)
    .values({ name: "Coaching", durationMinutes: 50, priceCents: 61728 })
    .returning({ id: sessionTypes.id });
  typeId = type!.id;
});
afterAll(() => database.drop());

describe("the invoice PDF", () => {
  it("carries every field of § 14 Abs. 4 UStG, in German formats, for a small business", async () => {
    const clientId = await clientWithSessions("anna@example.org", ["2027-03-02T09:00:00Z", "2027-03-09T09:00:00Z"]);
    const invoice = await issueInvoice(await draftFromSessions(clientId, undefined), { now: ISSUED_AT });
    const text = await textOf(await invoicePdfFor(invoice.id));

    // Issuer: name and address; recipient: name and address (from the snapshot).
    expect(text).toContain("Mara Muster, Rückenwind Coaching");
    expect(text).toContain("Hauptstraße 1");
    expect(text).toContain("79098 Freiburg");
    expect(text).toContain("Anna Beispiel");
    expect(text).toContain("Lindenweg 3");
    // Tax number, issue date, service period, number.
    expect(text).toContain("Steuernummer:");
    expect(text).toContain("06/123/45678");
    expect(text).toMatch(/Rechnungsdatum:\s*10\.03\.2027/);
    expect(text).toMatch(/Leistungszeitraum:\s*02\.03\.2027 bis 09\.03\.2027/);
    expect(text).toContain("Rechnung 2027-0001");
    // Lines: date, description, quantity, amounts; 2 × 617,28 € = 1.234,56 €.
    expect(text).toContain("Coaching-Sitzung (50 Minuten)");
    expect(text).toContain("02.03.2027");
    expect(text).toContain("09.03.2027");
    expect(text.match(/617,28 €/g)?.length).toBe(4);
    expect(text).not.toMatch(/Umsatzsteuer \d|Nettobetrag/);
    expect(text).toMatch(/Gesamtbetrag\s*1\.234,56 €/);
    // No VAT: the statutory sentence of § 19 UStG.
    expect(text).toContain("Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.");
    // Due date and bank details.
    expect(text).toContain("bis zum 24.03.2027");
    expect(text).toContain("IBAN: DE02 1203 0000 0000 2020 51");
    expect(text).toContain("BIC: BYLADEM1001");
    expect(text).toContain("Kontoinhaber*in: Mara Muster");
    expect(text).toContain("Mit der Banking-App scannen (GiroCode)");
    // No health terms in what is billed.
    expect(text).not.toMatch(/Schmerz|Diagnose|Therapie|Behandlung/);
  });

  it("embeds a GiroCode that a QR decoder reads as the EPC069-12 transfer of the gross amount", async () => {
    const clientId = await clientWithSessions("ben@example.org", ["2027-03-03T09:00:00Z", "2027-03-04T09:00:00Z"]);
    const invoice = await issueInvoice(await draftFromSessions(clientId, undefined), { now: ISSUED_AT });
    expect(await qrOf(await invoicePdfFor(invoice.id))).toEqual([
      `BCD\n002\n1\nSCT\nBYLADEM1001\nMara Muster\nDE02120300000000202051\nEUR1234.56\n\n\n2027-0002`,
    ]);
  });

  it("with VAT shows net, rate and tax; a cancellation refers to the original and has no GiroCode", async () => {
    await setPractice({ taxMode: "vat", vatId: "DE123456789" });
    try {
      const clientId = await clientWithSessions("carla@example.org", ["2027-03-05T09:00:00Z"]);
      const invoice = await issueInvoice(await draftFromSessions(clientId, undefined), { now: ISSUED_AT });
      const text = await textOf(await invoicePdfFor(invoice.id));
      // 617,28 € gross at 19 %: tax 617,28 × 19/119 = 98,56 €, net 518,72 €.
      expect(text).toMatch(/Nettobetrag\s*518,72 €/);
      expect(text).toMatch(/Umsatzsteuer 19 %\s*98,56 €/);
      expect(text).toMatch(/Gesamtbetrag \(brutto\)\s*617,28 €/);
      expect(text).toContain("USt-IdNr.:");
      expect(text).toContain("DE123456789");
      expect(text).not.toContain("§ 19 UStG");

      const storno = await cancelInvoice(invoice.id, { now: new Date("2027-03-12T09:00:00Z") });
      const pdf = await invoicePdfFor(storno.id);
      const stornoText = await textOf(pdf);
      expect(stornoText).toContain(`Stornorechnung zu Rechnung ${invoice.number}`);
      expect(stornoText).toContain(`Stornorechnung ${storno.number}`);
      expect(stornoText).toMatch(/Rechnungsdatum:\s*12\.03\.2027/);
      expect(stornoText).toMatch(/Gesamtbetrag \(brutto\)\s*-617,28 €/);
      expect(stornoText).not.toContain("GiroCode");
      expect(await qrOf(pdf)).toEqual([]);
    } finally {
      await setPractice({ taxMode: "small_business", vatId: "" });
    }
  });

  it("prints the configured note when the practice is exempt", async () => {
    await setPractice({ taxMode: "exempt", exemptionNote: "Umsatzsteuerfrei gemäß § 4 Nr. 14 UStG." });
    try {
      const clientId = await clientWithSessions("dora@example.org", ["2027-03-06T09:00:00Z"]);
      const invoice = await issueInvoice(await draftFromSessions(clientId, undefined), { now: ISSUED_AT });
      const text = await textOf(await invoicePdfFor(invoice.id));
      expect(text).toContain("Umsatzsteuerfrei gemäß § 4 Nr. 14 UStG.");
      expect(text).toMatch(/Leistungsdatum:\s*06\.03\.2027/);
    } finally {
      await setPractice({ taxMode: "small_business", exemptionNote: "" });
    }
  });

  it("is not found for a draft, an unknown id or a malformed one", async () => {
    const clientId = await clientWithSessions("emil@example.org", ["2027-03-07T09:00:00Z"]);
    const draftId = await draftFromSessions(clientId, undefined);
    for (const id of [draftId, "00000000-0000-4000-8000-000000000000", "kein-uuid"])
      await expect(invoicePdfFor(id)).rejects.toMatchObject({ code: "not_found" });
  });
});
