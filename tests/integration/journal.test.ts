import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journalEntries, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { listSelfChecks, saveSelfCheck } from "@/lib/checks/results";
import { createEntry, dailyAverages, deleteEntry, entryDates, getEntry, knownTags, listEntries, monthlyPain, updateEntry } from "@/lib/journal/queries";
import { journalEntrySchema } from "@/lib/journal/schemas";
import { sqlConstraint, sqlState, useTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
let anna: string;
let ben: string;
beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
  const all = await database.db.select().from(users);
  anna = all.find((u) => u.email === "anna@example.com")!.id;
  ben = all.find((u) => u.email === "ben@example.com")!.id;
});
afterAll(() => database.drop());

describe("the journal", () => {
  it("gives anna 90 days of varied demo entries, seeded once", async () => {
    const entries = await listEntries(anna);
    expect(entries.length).toBeGreaterThan(70);
    expect(entries.length).toBeLessThanOrEqual(90);
    expect(new Set(entries.map((e) => e.pain)).size).toBeGreaterThan(4);
    await seedDemo(database.db, "coach@example.com");
    expect((await listEntries(anna)).length).toBe(entries.length);
  });

  it("keeps every entry to its owner: another user's id is not found, for reads and writes", async () => {
    const own = await createEntry(ben, journalEntrySchema.parse({ entryDate: "2026-11-20", pain: 4, stress: 6, tags: ["Streit"] }));
    await expect(getEntry(anna, own.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateEntry(anna, own.id, { pain: 0 })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteEntry(anna, own.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await getEntry(ben, own.id)).pain).toBe(4);
    expect((await listEntries(anna)).some((e) => e.id === own.id)).toBe(false);
  });

  it("edits, filters by tag and searches notes", async () => {
    const entry = await createEntry(ben, journalEntrySchema.parse({ entryDate: "2026-11-21", pain: 7, stress: 8, tags: ["Termindruck"], notes: "Nach 100% Meeting_Marathon" }));
    const edited = await updateEntry(ben, entry.id, { pain: 5, helped: ["Spaziergang"] });
    expect(edited).toMatchObject({ pain: 5, stress: 8, helped: ["Spaziergang"] });
    expect((await listEntries(ben, { tag: "Termindruck" })).map((e) => e.id)).toEqual([entry.id]);
    expect((await listEntries(ben, { q: "100%" })).map((e) => e.id)).toEqual([entry.id]);
    expect((await listEntries(ben, { q: "_" })).map((e) => e.id)).toEqual([entry.id]);
    expect(await listEntries(ben, { q: "nicht da" })).toEqual([]);
    expect(await knownTags(ben)).toEqual(expect.arrayContaining(["Spaziergang", "Streit", "Termindruck"]));
    await deleteEntry(ben, entry.id);
    expect(await database.db.select().from(journalEntries).where(eq(journalEntries.id, entry.id))).toEqual([]);
  });

  it("computes daily and monthly averages in SQL", async () => {
    for (const [pain, stress, mood] of [[2, 4, 2], [4, 8, 5]] as const) await createEntry(ben, journalEntrySchema.parse({ entryDate: "2026-10-05", pain, stress, mood }));
    await createEntry(ben, journalEntrySchema.parse({ entryDate: "2026-10-06", pain: 9, stress: 9 }));
    expect(await dailyAverages(ben, "2026-10-01", "2026-10-31")).toEqual([
      { date: "2026-10-05", pain: 3, stress: 6, mood: 3.5 },
      { date: "2026-10-06", pain: 9, stress: 9, mood: null },
    ]);
    const months = await monthlyPain(ben, ["2026-10", "2026-09"]);
    expect(months).toEqual({ "2026-10": 5, "2026-09": null });
    expect(await entryDates(ben, "2026-10-01")).toEqual(expect.arrayContaining(["2026-10-05", "2026-10-06"]));
  });

  it("refuses values out of range before they reach SQL", () => {
    expect(journalEntrySchema.safeParse({ entryDate: "2026-11-20", pain: 11, stress: 2 }).success).toBe(false);
    expect(journalEntrySchema.safeParse({ entryDate: "2099-01-01", pain: 1, stress: 2 }).success).toBe(false);
    expect(journalEntrySchema.safeParse({ entryDate: "2026-11-20", pain: 1, stress: 2, userId: "x" }).success).toBe(false);
  });

  it("has the database refuse a pain value out of range with its check constraint", async () => {
    const error = await database.db.insert(journalEntries).values({ userId: ben, entryDate: "2026-11-20", pain: 12, stress: 1 }).catch((e: unknown) => e);
    expect({ sqlState: sqlState(error), constraint: sqlConstraint(error) }).toEqual({ sqlState: "23514", constraint: "journal_pain_range" });
  });
});

describe("self-check results", () => {
  it("stores a client's result scored on the server", async () => {
    const yes = { stress_onset: true, fluctuates: true, worse_with_stress: true, delayed: true, personality: true, both_sides: true } as const;
    const answers = {
      signs: Object.fromEntries(
        ["stress_onset", "fluctuates", "no_injury", "outlasted_healing", "several_areas", "changes_spreads", "worse_with_stress", "eases_when_enjoying", "non_physical_triggers", "both_sides", "no_clear_diagnosis", "delayed", "personality"].map((id) => [id, id in yes]),
      ),
      redFlags: { fever: false, weight_loss: false, cancer_history: false, major_trauma: false, saddle_numbness: false, bladder_bowel: false, progressive_weakness: false },
    };
    const saved = await saveSelfCheck(anna, answers);
    expect(saved).toMatchObject({ score: 6, band: "some", redFlag: false, version: 1 });
    expect((await listSelfChecks(anna)).map((r) => r.id)).toContain(saved.id);
    expect(await listSelfChecks(ben)).toEqual([]);
  });
});
