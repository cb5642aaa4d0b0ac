import { eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appointments, journalEntries, selfCheckResults, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { saveSelfCheck } from "@/lib/checks/results";
import { createEntry } from "@/lib/journal/queries";
import { journalEntrySchema } from "@/lib/journal/schemas";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * Client B against client A's data, through the app's real route handlers and server actions.
 * Only the session lookup is replaced (there is no request cookie in a unit process); the guards,
 * handlers, queries and the PostgreSQL database are the real ones.
 */
const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "client" | "coach"; email: string } }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null),
  signOut: async () => {},
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));
vi.mock("@/lib/site-url", () => ({ siteOrigin: async () => "http://localhost:3000", staticSiteOrigin: () => "http://localhost:3000" }));

const journal = await import("@/app/api/journal/route");
const journalEntry = await import("@/app/api/journal/[id]/route");
const exportJson = await import("@/app/dashboard/daten/export.json/route");
const exportCsv = await import("@/app/dashboard/daten/tagebuch.csv/route");
const ics = await import("@/app/dashboard/termine/[id]/ics/route");
const { cancelOwnAppointmentAction } = await import("@/lib/booking/client-actions");
const { saveSelfCheckAction } = await import("@/lib/checks/actions");
const { deleteAccountAction } = await import("@/lib/clients/actions");

type Person = { id: string; role: "client" | "coach"; email: string };
let database: TestDatabase;
let anna: Person;
let ben: Person;
let coach: Person;
let annasEntry: string;
let annasAppointment: string;
const secret = "Annas Notiz über den Streit mit ihrer Schwester";

const as = (person: Person | null) => {
  session.user = person;
};
const request = (path: string, init?: { method?: string; body?: unknown }) =>
  new NextRequest(new URL(path, "http://localhost:3000"), {
    method: init?.method ?? "GET",
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    headers: init?.body === undefined ? undefined : { "content-type": "application/json" },
  });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const annasRow = async () => (await database.db.select().from(journalEntries).where(eq(journalEntries.id, annasEntry)))[0]!;
const annasAppointmentRow = async () => (await database.db.select().from(appointments).where(eq(appointments.id, annasAppointment)))[0]!;
const allAnswers = (value: boolean) => ({
  signs: Object.fromEntries(
    [
      "stress_onset",
      "fluctuates",
      "no_injury",
      "outlasted_healing",
      "several_areas",
      "changes_spreads",
      "worse_with_stress",
      "eases_when_enjoying",
      "non_physical_triggers",
      "both_sides",
      "no_clear_diagnosis",
      "delayed",
      "personality",
    ].map((id) => [id, value]),
  ),
  redFlags: {
    fever: false,
    weight_loss: false,
    cancer_history: false,
    major_trauma: false,
    saddle_numbness: false,
    bladder_bowel: false,
    progressive_weakness: false,
  },
});

beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
  const all = await database.db.select().from(users);
  const person = (email: string): Person => {
    const u = all.find((x) => x.email === email)!;
    return { id: u.id, role: u.role as Person["role"], email: u.email };
  };
  anna = person("anna@example.com");
  ben = person("ben@example.com");
  coach = person("coach@example.com");
  annasEntry = (await createEntry(anna.id, journalEntrySchema.parse({ entryDate: "2026-11-25", pain: 6, stress: 7, notes: secret }))).id;
  await saveSelfCheck(anna.id, allAnswers(true));
  const start = new Date(Date.now() + 10 * 86_400_000);
  const end = new Date(start.getTime() + 50 * 60_000);
  const [row] = await database.db
    .insert(appointments)
    .values({
      coachId: coach.id,
      clientId: anna.id,
      kind: "session",
      status: "confirmed",
      startAt: start,
      endAt: end,
      blockedFrom: start,
      blockedUntil: end,
      name: "Anna",
      email: anna.email,
    })
    .returning({ id: appointments.id });
  annasAppointment = row!.id;
});
afterAll(() => database.drop());

describe("client B and client A's data", () => {
  it("B's journal list and exports hold nothing of A's", async () => {
    as(ben);
    const list = await (await journal.GET(request("/api/journal"))).json();
    expect(list.entries.map((e: { id: string }) => e.id)).not.toContain(annasEntry);
    const json = await (await exportJson.GET()).text();
    expect(json).toContain(ben.email);
    expect(json).not.toContain(anna.email);
    expect(json).not.toContain(annasEntry);
    expect(json).not.toContain(secret);
    expect(json).not.toContain(annasAppointment);
    const csv = await (await exportCsv.GET()).text();
    expect(csv).not.toContain(secret);
  });

  it("B's exports hold every one of B's entries, even after years of journaling", async () => {
    as(ben);
    await database.db.execute(
      sql`insert into journal_entries (user_id, entry_date, pain, stress) select ${ben.id}, d::date, 3, 4 from generate_series(date '2020-01-01', date '2023-12-31', interval '1 day') d`,
    );
    const total = (await database.db.select().from(journalEntries).where(eq(journalEntries.userId, ben.id))).length;
    expect(total).toBeGreaterThan(1400);
    const csv = await (await exportCsv.GET()).text();
    expect(csv.trim().split("\r\n")).toHaveLength(total + 1);
    const json = await (await exportJson.GET()).json();
    expect(json.journal).toHaveLength(total);
  });

  it("B reading, changing or deleting A's entry by its id gets 404 and A's entry stays as it was", async () => {
    as(ben);
    const before = await annasRow();
    expect((await journalEntry.GET(request(`/api/journal/${annasEntry}`), params(annasEntry))).status).toBe(404);
    expect(
      (
        await journalEntry.PATCH(
          request(`/api/journal/${annasEntry}`, { method: "PATCH", body: { pain: 0, notes: "überschrieben" } }),
          params(annasEntry),
        )
      ).status,
    ).toBe(404);
    expect((await journalEntry.DELETE(request(`/api/journal/${annasEntry}`, { method: "DELETE" }), params(annasEntry))).status).toBe(404);
    expect(await annasRow()).toEqual(before);
  });

  it("B cannot write into A's journal by naming A in the body", async () => {
    as(ben);
    const count = async () => (await database.db.select().from(journalEntries).where(eq(journalEntries.userId, anna.id))).length;
    const before = await count();
    const response = await journal.POST(
      request("/api/journal", { method: "POST", body: { userId: anna.id, entryDate: "2026-11-26", pain: 1, stress: 1 } }),
    );
    expect(response.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it("B cannot download or cancel A's appointment", async () => {
    as(ben);
    expect((await ics.GET(request(`/dashboard/termine/${annasAppointment}/ics`), params(annasAppointment))).status).toBe(404);
    const form = new FormData();
    form.set("reason", "Ich kann nicht");
    const result = await cancelOwnAppointmentAction(annasAppointment, {}, form);
    expect(result.ok).not.toBe(true);
    expect(result.message).toBeTruthy();
    expect((await annasAppointmentRow()).status).toBe("confirmed");
  });

  it("B's self-check is saved to B alone, and A's results stay A's", async () => {
    as(ben);
    const annasBefore = await database.db.select().from(selfCheckResults).where(eq(selfCheckResults.userId, anna.id));
    expect(await saveSelfCheckAction(allAnswers(false))).toEqual({ ok: true });
    const bens = await database.db.select().from(selfCheckResults).where(eq(selfCheckResults.userId, ben.id));
    expect(bens).toHaveLength(1);
    expect(bens[0]!.score).toBe(0);
    expect(await database.db.select().from(selfCheckResults).where(eq(selfCheckResults.userId, anna.id))).toEqual(annasBefore);
  });

  it("without a session every route answers 401 and the actions do nothing", async () => {
    as(null);
    expect((await journal.GET(request("/api/journal"))).status).toBe(401);
    expect(
      (await journal.POST(request("/api/journal", { method: "POST", body: { entryDate: "2026-11-26", pain: 1, stress: 1 } }))).status,
    ).toBe(401);
    expect((await journalEntry.GET(request(`/api/journal/${annasEntry}`), params(annasEntry))).status).toBe(401);
    expect((await journalEntry.DELETE(request(`/api/journal/${annasEntry}`, { method: "DELETE" }), params(annasEntry))).status).toBe(401);
    expect((await exportJson.GET()).status).toBe(401);
    expect((await exportCsv.GET()).status).toBe(401);
    expect((await ics.GET(request(`/dashboard/termine/${annasAppointment}/ics`), params(annasAppointment))).status).toBe(401);
    expect((await saveSelfCheckAction(allAnswers(true))).ok).toBe(false);
    await expect(cancelOwnAppointmentAction(annasAppointment, {}, new FormData())).rejects.toMatchObject({
      digest: "NEXT_HTTP_ERROR_FALLBACK;401",
    });
    await expect(deleteAccountAction({}, new FormData())).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;401" });
    expect(await annasRow()).toBeDefined();
  });

  it("the coach reads a client's record in the portal, not through the client's own routes", async () => {
    as(coach);
    expect((await journal.GET(request("/api/journal"))).status).toBe(403);
    expect((await journalEntry.GET(request(`/api/journal/${annasEntry}`), params(annasEntry))).status).toBe(403);
    expect((await exportJson.GET()).status).toBe(403);
    expect((await ics.GET(request(`/dashboard/termine/${annasAppointment}/ics`), params(annasAppointment))).status).toBe(403);
  });

  it("B deleting the account removes B's data and leaves A's untouched", async () => {
    as(ben);
    const form = new FormData();
    form.set("confirmation", "löschen");
    await expect(deleteAccountAction({}, form)).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await database.db.select().from(users).where(eq(users.id, ben.id))).toEqual([]);
    expect(await database.db.select().from(selfCheckResults).where(eq(selfCheckResults.userId, ben.id))).toEqual([]);
    expect((await annasRow()).notes).toBe(secret);
    expect(await database.db.select().from(selfCheckResults).where(eq(selfCheckResults.userId, anna.id))).toHaveLength(1);
    expect((await annasAppointmentRow()).status).toBe("confirmed");
  });
});
