import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appointments, billingAddresses, healthDataViews, practiceSettings, sessionTypes, users } from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { draftFromSessions } from "@/lib/billing/drafts";
import { issueInvoice } from "@/lib/billing/issue";
import { theCoach } from "@/lib/settings/coach";
import { pdfText } from "../pdf-text";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * The invoice downloads through the real route handlers; only the session lookup is replaced,
 * as in scoping.test.ts. A client gets their own issued invoices and nothing else.
 */

const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "client" | "coach"; email: string; name?: string } }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null),
  signOut: async () => {},
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));

const clientRoute = await import("@/app/dashboard/rechnungen/[id]/pdf/route");
const coachRoute = await import("@/app/coach/rechnungen/[id]/pdf/route");

type Person = { id: string; role: "client" | "coach"; email: string; name?: string };
let database: TestDatabase;
let anna: Person;
let ben: Person;
let coach: Person;
let annasInvoice: { id: string; number: string };
let annasDraft: string;

const req = (path: string) => new Request(new URL(path, "http://localhost:3000"));
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const asClient = (person: Person | null, id: string) => {
  session.user = person;
  return clientRoute.GET(req(`/dashboard/rechnungen/${id}/pdf`), params(id));
};
const asCoach = (person: Person | null, id: string) => {
  session.user = person;
  return coachRoute.GET(req(`/coach/rechnungen/${id}/pdf`), params(id));
};

async function person(email: string, name: string, typeId: string, coachId: string, start: string): Promise<Person> {
  const [row] = await database.db.insert(users).values({ email, name, role: "client" }).returning({ id: users.id });
  await database.db
    .insert(billingAddresses)
    .values({ userId: row!.id, name, street: "Lindenweg 3", postalCode: "79098", city: "Freiburg" });
  const startAt = new Date(start);
  const endAt = new Date(startAt.getTime() + 50 * 60_000);
  await database.db.insert(appointments).values({
    coachId,
    clientId: row!.id,
    kind: "session",
    status: "completed",
    startAt,
    endAt,
    blockedFrom: startAt,
    blockedUntil: endAt,
    name,
    email,
    sessionTypeId: typeId,
  });
  return { id: row!.id, role: "client", email, name };
}

beforeAll(async () => {
  database = await useTestDatabase();
  await seedEssentials(database.db, "coach@example.com");
  const c = await theCoach();
  coach = { id: c.id, role: "coach", email: "coach@example.com", name: "Mara Muster" };
  await database.db
    .update(practiceSettings)
    .set({
      coachName: "Mara Muster",
      street: "Hauptstraße 1",
      postalCode: "79098",
      city: "Freiburg",
      taxNumber: "06/123/45678",
      iban: "DE02 1203 0000 0000 2020 51",
      accountHolder: "Mara Muster",
    })
    .where(eq(practiceSettings.id, 1));
  const [type] = await database.db.insert(sessionTypes).values({ name: "Coaching", durationMinutes: 50, priceCents: 9000 }).returning();
  anna = await person("anna@example.org", "Anna Beispiel", type!.id, c.id, "2027-03-02T09:00:00Z");
  ben = await person("ben@example.org", "Ben Schröder", type!.id, c.id, "2027-03-03T09:00:00Z");
  const issued = await issueInvoice(await draftFromSessions(anna.id, undefined), { now: new Date("2027-03-10T09:00:00Z") });
  annasInvoice = { id: issued.id, number: issued.number! };
  annasDraft = await draftFromSessions(ben.id, undefined);
});
afterAll(() => database.drop());

describe("GET /dashboard/rechnungen/[id]/pdf", () => {
  it("gives Anna her issued invoice as a download that no cache keeps", async () => {
    const response = await asClient(anna, annasInvoice.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="Rechnung-2027-0001.pdf"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const text = (await pdfText(new Uint8Array(await response.arrayBuffer()))).join("\n");
    expect(text).toContain("Rechnung 2027-0001");
    expect(text).toContain("Anna Beispiel");
  });

  it("is a 404 for Ben asking for Anna's invoice, for a draft, an unknown and a malformed id", async () => {
    expect((await asClient(ben, annasInvoice.id)).status).toBe(404);
    expect((await asClient(ben, annasDraft)).status).toBe(404);
    expect((await asClient(anna, "00000000-0000-4000-8000-00000000dead")).status).toBe(404);
    for (const id of ["kein-uuid", "-".repeat(36), "%00", "'; drop table invoices; --", "x".repeat(5000)])
      expect((await asClient(anna, id)).status).toBe(404);
  });

  it("asks who you are first: anonymous 401, the coach 403", async () => {
    expect((await asClient(null, annasInvoice.id)).status).toBe(401);
    expect((await asClient(coach, annasInvoice.id)).status).toBe(403);
  });
});

describe("GET /coach/rechnungen/[id]/pdf", () => {
  it("gives the coach any issued invoice and notes it in the client's access log", async () => {
    const response = await asCoach(coach, annasInvoice.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="Rechnung-2027-0001.pdf"');
    const views = await database.db.select().from(healthDataViews).where(eq(healthDataViews.clientId, anna.id));
    expect(views.map((v) => v.what)).toEqual(["Rechnung 2027-0001 (PDF)"]);
  });

  it("refuses clients and anonymous, and is a 404 for a draft or a malformed id", async () => {
    expect((await asCoach(null, annasInvoice.id)).status).toBe(401);
    expect((await asCoach(anna, annasInvoice.id)).status).toBe(403);
    expect((await asCoach(coach, annasDraft)).status).toBe(404);
    expect((await asCoach(coach, "kein-uuid")).status).toBe(404);
  });
});
