import { eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appointments, billingAddresses, practiceSettings, sessionTypes, users } from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { draftFromSessions } from "@/lib/billing/drafts";
import { cancelInvoice, issueInvoice } from "@/lib/billing/issue";
import { recordPayment } from "@/lib/billing/status";
import { taxExportCsv } from "@/lib/billing/tax-export";
import { theCoach } from "@/lib/settings/coach";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * The export for the tax advisor on PostgreSQL: an invoice, a partial payment and the invoice's
 * cancellation in March 2027 give exactly these CSV lines (written by hand); what lies outside
 * the period is not in it; the ZIP holds one PDF per invoice; only the coach gets either.
 */
const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "client" | "coach"; email: string } }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null),
  signOut: async () => {},
}));

const csvRoute = await import("@/app/coach/rechnungen/export.csv/route");
const zipRoute = await import("@/app/coach/rechnungen/export.zip/route");

let database: TestDatabase;
let coach: { id: string; role: "coach"; email: string };
let anna: { id: string; role: "client"; email: string };
const MARCH = { from: "2027-03-01", to: "2027-03-31" };

async function clientWithAddress(email: string, name: string) {
  const [row] = await database.db.insert(users).values({ email, name, role: "client" }).returning({ id: users.id });
  await database.db
    .insert(billingAddresses)
    .values({ userId: row!.id, name, street: "Lindenweg 3", postalCode: "79098", city: "Freiburg" });
  return row!.id;
}

async function session50(clientId: string, typeId: string, start: Date) {
  const end = new Date(start.getTime() + 50 * 60_000);
  await database.db.insert(appointments).values({
    coachId: coach.id,
    clientId,
    kind: "session",
    status: "completed",
    startAt: start,
    endAt: end,
    blockedFrom: start,
    blockedUntil: end,
    name: "Klient*in",
    email: "x@example.org",
    sessionTypeId: typeId,
  });
}

function get(route: { GET: (r: NextRequest) => Promise<Response> }, path: string) {
  return route.GET(new NextRequest(new URL(path, "http://localhost:3000")));
}

beforeAll(async () => {
  database = await useTestDatabase();
  await seedEssentials(database.db, "coach@example.com");
  const c = await theCoach();
  coach = { id: c.id, role: "coach", email: "coach@example.com" };
  await database.db
    .update(practiceSettings)
    .set({
      coachName: "Mara Muster",
      street: "Hauptstraße 1",
      postalCode: "79098",
      city: "Freiburg",
      vatId: "DE123456789",
      iban: "DE02120300000000202051",
      accountHolder: "Mara Muster",
      taxMode: "vat",
    })
    .where(eq(practiceSettings.id, 1));
  const [type] = await database.db
    .insert(sessionTypes)
    .values({ name: "Coaching", durationMinutes: 50, priceCents: 9000 })
    .returning({ id: sessionTypes.id });

  const annaId = await clientWithAddress("anna@example.org", "Anna Beispiel");
  anna = { id: annaId, role: "client", email: "anna@example.org" };
  await session50(annaId, type!.id, new Date("2027-02-03T09:00:00Z"));
  await session50(annaId, type!.id, new Date("2027-02-10T09:00:00Z"));
  const invoice = await issueInvoice(await draftFromSessions(annaId, undefined), { now: new Date("2027-03-10T09:00:00Z") });
  await recordPayment(invoice.id, { amountCents: 5000, paidOn: "2027-03-15", note: "" });
  await cancelInvoice(invoice.id, { now: new Date("2027-03-20T09:00:00Z") });

  // A name a spreadsheet would run as a formula, with a separator in it; issued on 1 April in Berlin.
  const eveId = await clientWithAddress("eve@example.org", "=HYPERLINK(x); Eve");
  await session50(eveId, type!.id, new Date("2027-03-03T09:00:00Z"));
  const april = await issueInvoice(await draftFromSessions(eveId, undefined), { now: new Date("2027-03-31T22:30:00Z") });
  await recordPayment(april.id, { amountCents: 9000, paidOn: "2027-04-02", note: "" });
});
afterAll(() => database?.drop());

const HEADER =
  "Belegdatum;Belegart;Belegfeld 1;Belegfeld 2;Buchungstext;Umsatz (ohne Soll/Haben-Kz);Soll/Haben-Kennzeichen;WKZ Umsatz;Nettobetrag;Steuersatz;Steuerbetrag;Steuerhinweis;Leistungsdatum von;Leistungsdatum bis;Fälligkeit;Geschäftspartner";

describe("the CSV for the tax advisor", () => {
  it("lists March's invoice, its partial payment and its cancellation, as written by hand", async () => {
    const csv = await taxExportCsv(MARCH);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      HEADER,
      // 2 × 90,00 € gross at 19 %: tax 28,74 € once from the sum, net 151,26 €.
      "10.03.2027;Rechnung;2027-0001;;Rechnung 2027-0001 Anna Beispiel;180,00;S;EUR;151,26;19,00;28,74;;03.02.2027;10.02.2027;24.03.2027;Anna Beispiel",
      "15.03.2027;Zahlung;2027-0001;;Zahlung zu 2027-0001 Anna Beispiel;50,00;H;EUR;;;;;;;;Anna Beispiel",
      "20.03.2027;Stornorechnung;2027-0002;2027-0001;Storno zu 2027-0001 Anna Beispiel;180,00;H;EUR;151,26;19,00;28,74;;03.02.2027;10.02.2027;;Anna Beispiel",
      "",
    ]);
  });

  it("takes the issue date in the practice's zone: 31 March 22:30 UTC is 1 April, with its payment", async () => {
    const lines = (await taxExportCsv({ from: "2027-04-01", to: "2027-04-30" })).slice(1).split("\r\n");
    expect(lines.slice(1, -1)).toEqual([
      `01.04.2027;Rechnung;2027-0003;;"Rechnung 2027-0003 =HYPERLINK(x); Eve";90,00;S;EUR;75,63;19,00;14,37;;03.03.2027;03.03.2027;15.04.2027;"'=HYPERLINK(x); Eve"`,
      `02.04.2027;Zahlung;2027-0003;;"Zahlung zu 2027-0003 =HYPERLINK(x); Eve";90,00;H;EUR;;;;;;;;"'=HYPERLINK(x); Eve"`,
    ]);
  });

  it("is served to the coach only, as a download named by the period", async () => {
    session.user = coach;
    const response = await get(csvRoute, "/coach/rechnungen/export.csv?von=2027-03-01&bis=2027-03-31");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="rechnungen-2027-03-01-bis-2027-03-31.csv"');
    expect(await response.text()).toContain("2027-0002;2027-0001");
    session.user = anna;
    expect((await get(csvRoute, "/coach/rechnungen/export.csv?von=2027-03-01&bis=2027-03-31")).status).toBe(403);
    session.user = null;
    expect((await get(csvRoute, "/coach/rechnungen/export.csv?von=2027-03-01&bis=2027-03-31")).status).toBe(401);
  });

  it.each([
    ["no period", ""],
    ["an impossible day", "?von=2027-02-30&bis=2027-03-31"],
    ["the wrong way round", "?von=2027-03-31&bis=2027-03-01"],
    ["more than ten years", "?von=2017-01-01&bis=2027-01-01"],
    ["a period given twice", "?von=2027-03-01&bis=2027-03-31&von=2020-01-01"],
    ["a German date", "?von=01.03.2027&bis=31.03.2027"],
  ])("refuses %s with a 400 and a German message, for both downloads", async (_what, query) => {
    session.user = coach;
    for (const route of [csvRoute, zipRoute]) {
      const response = await get(route, `/coach/rechnungen/export${route === csvRoute ? ".csv" : ".zip"}${query}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/Zeitraum|von|zehn Jahre/);
    }
  });

  it("accepts exactly ten years", async () => {
    session.user = coach;
    expect((await get(csvRoute, "/coach/rechnungen/export.csv?von=2018-01-01&bis=2027-12-31")).status).toBe(200);
  });
});

describe("the ZIP of the PDFs", () => {
  it("holds one PDF per invoice and cancellation of the period, named by its number", async () => {
    session.user = coach;
    const response = await get(zipRoute, "/coach/rechnungen/export.zip?von=2027-03-01&bis=2027-03-31");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="rechnungen-2027-03-01-bis-2027-03-31.zip"');
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(entries).sort()).toEqual(["Rechnung-2027-0001.pdf", "Stornorechnung-2027-0002.pdf"]);
    for (const pdf of Object.values(entries)) expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  });

  it("is an empty but valid ZIP for a period without invoices, and refused to a client", async () => {
    session.user = coach;
    const empty = await get(zipRoute, "/coach/rechnungen/export.zip?von=2026-01-01&bis=2026-12-31");
    expect(Object.keys(unzipSync(new Uint8Array(await empty.arrayBuffer())))).toEqual([]);
    session.user = anna;
    expect((await get(zipRoute, "/coach/rechnungen/export.zip?von=2027-03-01&bis=2027-03-31")).status).toBe(403);
  });
});
