import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { appointments, billingAddresses, invoices, payments, practiceSettings, sessionPackages, sessionTypes, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { ANNAS_UNBILLED_SESSIONS } from "@/db/seed/billing";
import { isValidIban } from "@/lib/billing/schemas";
import { parseEuro } from "@/lib/billing/amount";
import { loadInvoice } from "@/lib/billing/queries";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * The money pages' actions on the demo data: settings with a checked IBAN, a session type's
 * price, the invoice address (the coach's and the client's own), packages, the draft → issue →
 * payment → cancellation path, each answer as the coach or client reads it.
 */

const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "client" | "coach"; email: string } }));
const redirected = vi.hoisted(() => ({ to: [] as string[] }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null),
  signOut: async () => {},
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  redirect: (to: string) => {
    redirected.to.push(to);
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${to};307;` });
  },
}));
vi.mock("@/lib/site-url", () => ({ siteOrigin: async () => "http://localhost:3000", staticSiteOrigin: () => "http://localhost:3000" }));

const coachActions = await import("@/lib/billing/coach-actions");
const clientActions = await import("@/lib/billing/client-actions");
const settingsActions = await import("@/lib/settings/actions");

let database: TestDatabase;
let anna: { id: string; email: string };
let ben: { id: string; email: string };
let coach: { id: string; email: string };

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of [v].flat()) data.append(k, one);
  return data;
}
/** Runs an action that ends in a redirect and returns where it went. */
async function redirectOf(call: Promise<unknown>): Promise<string> {
  const before = redirected.to.length;
  const answer = await call.catch((e: Error) => (e.message === "NEXT_REDIRECT" ? undefined : Promise.reject(e)));
  expect(redirected.to.length, `a redirect, not ${JSON.stringify(answer)}`).toBe(before + 1);
  return redirected.to.at(-1)!;
}
const asCoach = () => (session.user = { id: coach.id, role: "coach", email: coach.email });
const asAnna = () => (session.user = { id: anna.id, role: "client", email: anna.email });

beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
  const all = await database.db.select({ id: users.id, email: users.email }).from(users);
  anna = all.find((u) => u.email === "anna@example.com")!;
  ben = all.find((u) => u.email === "ben@example.com")!;
  coach = all.find((u) => u.email === "coach@example.com")!;
});
afterAll(() => database.drop());
beforeEach(asCoach);

describe("amounts and IBANs", () => {
  it("reads euro as people write them and refuses what is no amount", () => {
    expect(parseEuro("80,00")).toBe(8000);
    expect(parseEuro("80")).toBe(8000);
    expect(parseEuro("1.234,5")).toBe(123450);
    expect(parseEuro("90.00")).toBe(9000);
    expect(parseEuro("1.000")).toBe(100000);
    for (const bad of ["", "8,000", "-5", "1e3", "zehn", "80,00,00"]) expect(parseEuro(bad), bad).toBeNull();
  });
  it("checks the IBAN's check digits", () => {
    expect(isValidIban("DE89 3704 0044 0532 0130 00")).toBe(true);
    expect(isValidIban("DE89 3704 0044 0532 0130 01")).toBe(false);
    expect(isValidIban("DE89 3704 0044 0532 0130")).toBe(false);
  });
});

describe("settings", () => {
  it("refuses a wrong IBAN in German and keeps the old one; saves a good one with the exemption note", async () => {
    const bad = await coachActions.saveBillingSettingsAction(
      {},
      form({ taxMode: "small_business", iban: "DE89 3704 0044 0532 0130 01", paymentTermDays: "14", paymentReminderDays: "7" }),
    );
    expect(bad.fieldErrors?.iban?.[0]).toContain("Diese IBAN stimmt nicht");
    const noNote = await coachActions.saveBillingSettingsAction(
      {},
      form({ taxMode: "exempt", paymentTermDays: "14", paymentReminderDays: "0" }),
    );
    expect(noNote.fieldErrors?.exemptionNote?.[0]).toContain("§ 4 Nr. 14 UStG");
    const [kept] = await database.db.select().from(practiceSettings);
    expect(kept!.iban).toBe("DE89370400440532013000");

    const ok = await coachActions.saveBillingSettingsAction(
      {},
      form({
        taxMode: "small_business",
        taxNumber: "27/123/45678",
        iban: "de89 3704 0044 0532 0130 00",
        bic: "cobadeffxxx",
        accountHolder: "Mara Lindner",
        paymentTermDays: "10",
        paymentReminderDays: "0",
      }),
    );
    expect(ok.ok).toContain("Gespeichert");
    const [saved] = await database.db.select().from(practiceSettings);
    expect(saved).toMatchObject({ iban: "DE89370400440532013000", bic: "COBADEFFXXX", paymentTermDays: 10, paymentReminderDays: 0 });
  });

  it("a session type's price is written in euro with a comma; empty is free", async () => {
    const [type] = await database.db.select().from(sessionTypes).where(eq(sessionTypes.name, "Kurzes Check-in"));
    const base = { id: type!.id, name: type!.name, durationMinutes: "25", channel: "phone", defaultLocation: "" };
    expect((await settingsActions.saveSessionTypeAction({}, form({ ...base, price: "45,50" }))).ok).toBeTruthy();
    expect((await database.db.select().from(sessionTypes).where(eq(sessionTypes.id, type!.id)))[0]!.priceCents).toBe(4550);
    const bad = await settingsActions.saveSessionTypeAction({}, form({ ...base, price: "viel" }));
    expect(bad.fieldErrors?.price?.[0]).toBe("Preis: bitte als Betrag schreiben, z. B. 80,00.");
    await settingsActions.saveSessionTypeAction({}, form({ ...base, price: "" }));
    expect((await database.db.select().from(sessionTypes).where(eq(sessionTypes.id, type!.id)))[0]!.priceCents).toBe(0);
  });
});

describe("the invoice address", () => {
  it("is required before the first invoice: the draft says so in German", async () => {
    const [session] = await database.db
      .insert(appointments)
      .values({
        coachId: coach.id,
        clientId: ben.id,
        kind: "session",
        status: "completed",
        startAt: new Date("2026-11-02T06:00:00Z"),
        endAt: new Date("2026-11-02T06:50:00Z"),
        blockedFrom: new Date("2026-11-02T06:00:00Z"),
        blockedUntil: new Date("2026-11-02T06:50:00Z"),
        name: "Ben",
        email: ben.email,
      })
      .returning({ id: appointments.id });
    const answer = await coachActions.draftFromSessionsAction(ben.id, {}, form({ appointmentIds: session!.id }));
    expect(answer.message).toContain("Bitte hinterlege zuerst eine Rechnungsadresse");
    expect(await database.db.select().from(invoices).where(eq(invoices.clientId, ben.id))).toEqual([]);
  });

  it("the client saves their own (never someone else's, whatever the form says); the coach saves a client's", async () => {
    asAnna();
    const saved = await clientActions.saveOwnBillingAddressAction(
      {},
      form({
        name: "Anna Keller",
        street: "Neue Straße 9",
        postalCode: "10827",
        city: "Berlin",
        country: "",
        pdfByEmail: "on",
        userId: ben.id,
      }),
    );
    expect(saved.ok).toContain("Gespeichert");
    const [own] = await database.db.select().from(billingAddresses).where(eq(billingAddresses.userId, anna.id));
    expect(own).toMatchObject({ street: "Neue Straße 9", country: "Deutschland", pdfByEmail: true });
    expect(await database.db.select().from(billingAddresses).where(eq(billingAddresses.userId, ben.id))).toEqual([]);
    const bad = await clientActions.saveOwnBillingAddressAction({}, form({ name: "Anna", street: "", postalCode: "1", city: "Berlin" }));
    expect(bad.fieldErrors?.street?.[0]).toBe("Bitte gib Straße und Hausnummer an.");
    expect(bad.fieldErrors?.postalCode?.[0]).toContain("Postleitzahl");

    asCoach();
    const byCoach = await coachActions.saveClientBillingAddressAction(
      ben.id,
      {},
      form({ name: "Ben Schröder", street: "Am Markt 1", postalCode: "04109", city: "Leipzig" }),
    );
    expect(byCoach.ok).toBe("Rechnungsadresse gespeichert.");
    const notAClient = await coachActions.saveClientBillingAddressAction(
      coach.id,
      {},
      form({ name: "X", street: "Y 1", postalCode: "10115", city: "Berlin" }),
    );
    expect(notAClient.message).toBe("Diese Klient*in gibt es nicht.");
  });
});

describe("packages", () => {
  it("the coach sells one; amounts and expiry are checked", async () => {
    const bad = await coachActions.sellPackageAction(
      anna.id,
      {},
      form({ title: "8 Sitzungen", sessions: "0", price: "-5", expiresOn: "2027-02-30" }),
    );
    expect(bad.fieldErrors?.sessions?.[0]).toBe("Sitzungen: mindestens 1.");
    expect(bad.fieldErrors?.price?.[0]).toContain("Preis");
    expect(bad.fieldErrors?.expiresOn?.[0]).toBe("Gültig bis: bitte ein Datum wählen.");
    const ok = await coachActions.sellPackageAction(
      anna.id,
      {},
      form({ title: "8 Sitzungen", sessions: "8", price: "640,00", expiresOn: "" }),
    );
    expect(ok.ok).toContain("Paket „8 Sitzungen“ angelegt");
    const [pkg] = await database.db.select().from(sessionPackages).where(eq(sessionPackages.clientId, anna.id));
    expect(pkg).toMatchObject({ sessions: 8, used: 0, priceCents: 64000, expiresOn: null });
    const to = await redirectOf(coachActions.draftFromPackageAction({}, form({ packageId: pkg!.id })));
    expect(to).toMatch(/^\/coach\/rechnungen\/[0-9a-f-]{36}$/);
    // Thrown away again: a draft is deleted, an issued invoice never.
    const draftId = to.split("/").at(-1)!;
    expect(await redirectOf(coachActions.discardDraftAction({}, form({ invoiceId: draftId })))).toBe(
      `/coach/klienten/${anna.id}#abrechnen`,
    );
    expect(await database.db.select().from(invoices).where(eq(invoices.id, draftId))).toEqual([]);
  });
});

describe("from Anna's two sessions to a paid invoice", () => {
  it("drafts, issues, records a partial and then the full payment, and cancels with a Storno", async () => {
    const to = await redirectOf(coachActions.draftFromSessionsAction(anna.id, {}, form({ appointmentIds: [...ANNAS_UNBILLED_SESSIONS] })));
    const id = to.split("/").at(-1)!;
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const draft = await loadInvoice(id, today);
    expect(draft!.lines.map((l) => l.grossCents)).toEqual([9000, 9000]);
    // Anna does not see a draft, and Ben never sees Anna's invoice.
    expect(await loadInvoice(id, today, { clientId: anna.id })).toBeNull();

    expect(await redirectOf(coachActions.issueInvoiceAction({}, form({ invoiceId: id })))).toBe(`/coach/rechnungen/${id}?hinweis=gestellt`);
    const issued = await loadInvoice(id, today);
    expect(issued!.invoice.number).toMatch(/^\d{4}-0001$/);
    expect(issued!.invoice.state).toBe("open");
    expect(issued!.invoice.grossCents).toBe(18000);
    expect(await loadInvoice(id, today, { clientId: ben.id })).toBeNull();
    expect((await loadInvoice(id, today, { clientId: anna.id }))!.invoice.number).toBe(issued!.invoice.number);
    const again = await coachActions.issueInvoiceAction({}, form({ invoiceId: id }));
    expect(again.message).toBe("Diese Rechnung ist schon gestellt.");

    const tooMuch = await coachActions.recordPaymentAction({}, form({ invoiceId: id, amount: "200,00", paidOn: today, note: "" }));
    expect(tooMuch.fieldErrors?.amount?.[0]).toBe("Das ist mehr, als noch offen ist (180,00\u00a0€).");
    const notAnAmount = await coachActions.recordPaymentAction({}, form({ invoiceId: id, amount: "viel", paidOn: today, note: "" }));
    expect(notAnAmount.fieldErrors?.amount?.[0]).toContain("Betrag: bitte als Betrag schreiben");
    expect(
      await redirectOf(coachActions.recordPaymentAction({}, form({ invoiceId: id, amount: "50", paidOn: today, note: "" }))),
    ).toContain("hinweis=teilzahlung");
    expect((await loadInvoice(id, today))!.invoice.state).toBe("open");
    // The rest by default: an empty amount is what is still open.
    expect(
      await redirectOf(coachActions.recordPaymentAction({}, form({ invoiceId: id, amount: "", paidOn: today, note: "Überweisung" }))),
    ).toContain("hinweis=bezahlt");
    const paid = await loadInvoice(id, today);
    expect(paid!.invoice.state).toBe("paid");
    expect(paid!.payments.map((p) => p.amountCents)).toEqual([5000, 13000]);
    const more = await coachActions.recordPaymentAction({}, form({ invoiceId: id, amount: "", paidOn: today, note: "" }));
    expect(more.message).toBe("Diese Rechnung ist schon vollständig bezahlt.");
    expect(await database.db.select().from(payments).where(eq(payments.invoiceId, id))).toHaveLength(2);

    const stornoTo = await redirectOf(coachActions.cancelInvoiceAction({}, form({ invoiceId: id })));
    const storno = await loadInvoice(stornoTo.split("/").at(-1)!.replace(/\?.*$/, ""), today);
    expect(storno!.invoice).toMatchObject({ kind: "cancellation", grossCents: -18000, state: "cancellation" });
    expect(storno!.cancels).toBe(issued!.invoice.number);
    expect((await loadInvoice(id, today))!.invoice.state).toBe("cancelled");
    const twice = await coachActions.cancelInvoiceAction({}, form({ invoiceId: id }));
    expect(twice.message).toBe("Diese Rechnung ist schon storniert.");
    // A draft cannot be discarded once issued.
    expect((await coachActions.discardDraftAction({}, form({ invoiceId: id }))).message).toBe("Diesen Entwurf gibt es nicht mehr.");
  });
});
