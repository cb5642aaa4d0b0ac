import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, emailOutbox, healthDataViews, journalEntries, selfCheckResults, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { openClientRecord } from "@/lib/clients/coach-view";
import { deleteClientAccount, exportClientData, journalCsv } from "@/lib/clients/my-data";
import { createEntry, listEntries } from "@/lib/journal/queries";
import { journalEntrySchema } from "@/lib/journal/schemas";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
let anna: { id: string; email: string };
let ben: { id: string; email: string };
let coach: { id: string; name: string | null };
beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
  const all = await database.db.select().from(users);
  anna = all.find((u) => u.email === "anna@example.com")!;
  ben = all.find((u) => u.email === "ben@example.com")!;
  coach = all.find((u) => u.role === "coach")!;
});
afterAll(() => database.drop());

describe("my data", () => {
  it("exports only the client's own data, including who viewed it", async () => {
    await createEntry(ben.id, journalEntrySchema.parse({ entryDate: "2026-11-01", pain: 2, stress: 3, notes: "nur Ben" }));
    await openClientRecord(coach, anna.id, "Tagebuch und Selbsttests");
    const data = await exportClientData(anna.id);
    expect(data.profile.email).toBe("anna@example.com");
    expect(data.journal.length).toBe((await listEntries(anna.id)).length);
    expect(JSON.stringify(data)).not.toContain("nur Ben");
    expect(JSON.stringify(data)).not.toContain(ben.id);
    expect(data.healthDataViews[0]).toMatchObject({ what: "Tagebuch und Selbsttests", viewer: "Mara Lindner" });
    const bens = await exportClientData(ben.id);
    expect(bens.journal.map((e) => e.notes)).toEqual(["nur Ben"]);
    expect(bens.healthDataViews).toEqual([]);
  });

  it("writes the CSV for spreadsheets without letting a note become a formula", () => {
    const csv = journalCsv([{ entryDate: "2026-11-01", pain: 2, stress: 3, mood: null, bodyAreas: [], tags: ["a;b"], helped: [], notes: '=HYPERLINK("x")' }]);
    const [header, row] = csv.replace("\uFEFF", "").split("\r\n");
    expect(header).toBe('"Datum";"Schmerz";"Stress";"Stimmung";"Körperbereiche";"Auslöser";"Geholfen";"Notizen"');
    expect(row).toBe(`"2026-11-01";"2";"3";"";"";"a;b";"";"'=HYPERLINK(""x"")"`);
  });

  it("quotes every cell of the CSV, so no spreadsheet splits or reinterprets one", () => {
    const csv = journalCsv([
      { entryDate: "2026-11-02", pain: 4, stress: 1, mood: 3, bodyAreas: ["Rücken", "Nacken"], tags: [], helped: ["Wärme, Ruhe"], notes: "schlecht geschlafen" },
    ]);
    const row = csv.replace("\uFEFF", "").split("\r\n")[1]!;
    const cells = row.split(";");
    expect(cells).toHaveLength(8);
    for (const cell of cells) expect(cell).toMatch(/^"[^"]*"$/);
    expect(cells).toEqual(['"2026-11-02"', '"4"', '"1"', '"3"', '"Rücken, Nacken"', '""', '"Wärme, Ruhe"', '"schlecht geschlafen"']);
  });

  it("refuses a record that is not a client's", async () => {
    await expect(openClientRecord(coach, coach.id, "x")).rejects.toMatchObject({ code: "not_found" });
  });

  it("deletes the account with its health data and cancels future appointments with an email", async () => {
    const start = new Date(Date.now() + 5 * 86_400_000);
    const end = new Date(start.getTime() + 50 * 60_000);
    const [future] = await database.db
      .insert(appointments)
      .values({ coachId: coach.id, clientId: ben.id, kind: "session", status: "confirmed", startAt: start, endAt: end, blockedFrom: start, blockedUntil: end, name: "Ben Schröder", email: ben.email })
      .returning();
    await deleteClientAccount(ben.id, "http://localhost:3000");
    expect(await database.db.select().from(users).where(eq(users.id, ben.id))).toEqual([]);
    expect(await database.db.select().from(journalEntries).where(eq(journalEntries.userId, ben.id))).toEqual([]);
    expect(await database.db.select().from(selfCheckResults).where(eq(selfCheckResults.userId, ben.id))).toEqual([]);
    expect(await database.db.select().from(healthDataViews).where(eq(healthDataViews.clientId, ben.id))).toEqual([]);
    expect(await database.db.select().from(appointments).where(eq(appointments.id, future!.id))).toEqual([]);
    const [cancel] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `session-cancelled:${future!.id}:1`));
    expect(cancel?.to).toBe(ben.email);
    expect(Buffer.from(cancel!.attachments[0]!.content, "base64").toString()).toContain("METHOD:CANCEL");
    // Anna's data is untouched.
    expect((await listEntries(anna.id)).length).toBeGreaterThan(50);
  });
});
