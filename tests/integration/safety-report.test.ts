import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { healthDataViews, journalEntries, safetyEvidence, safetySuggestionDecisions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { deleteClientAccount, exportClientData } from "@/lib/clients/my-data";
import { listEvidence, openSuggestions } from "@/lib/safety/queries";
import { coachEvidenceView } from "@/lib/safety/view";
import { pdfText } from "../pdf-text";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * Evidence of safety and the doctor's report through the real actions and route handlers; only
 * the session lookup is replaced, as in scoping.test.ts.
 */
const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "client" | "coach"; email: string; name?: string } }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null),
  signOut: async () => {},
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));

const clientReport = await import("@/app/dashboard/bericht.pdf/route");
const coachReport = await import("@/app/coach/klienten/[id]/bericht.pdf/route");
const actions = await import("@/lib/safety/actions");

type Person = { id: string; role: "client" | "coach"; email: string; name?: string };
let database: TestDatabase;
let anna: Person;
let ben: Person;
let coach: Person;
const as = (person: Person | null) => {
  session.user = person;
};
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const get = (path: string) => new NextRequest(new URL(path, "http://localhost:3000"));
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const unknownId = "00000000-0000-4000-8000-00000000dead";

/** Ben's hand-written journal in November 2025 (always in the past): Mondays 3, 10, 17 and 24. */
const bensJournal = [
  { entryDate: "2025-11-03", pain: 7, stress: 8, helped: ["Atmen"] },
  { entryDate: "2025-11-05", pain: 5, stress: 6, helped: [] },
  { entryDate: "2025-11-07", pain: 6, stress: 7, helped: [] }, // week of 3 Nov: pain 6, stress 7
  { entryDate: "2025-11-11", pain: 3, stress: 4, helped: ["Spaziergang am Fluss"] },
  { entryDate: "2025-11-13", pain: 4, stress: 3, helped: [] }, // week of 10 Nov: pain 3,5, stress 3,5
  { entryDate: "2025-11-25", pain: 2, stress: 2, helped: ["Yoga"] }, // week of 24 Nov: 2 and 2; 17 Nov: none
];

beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
  const all = await database.db.select().from(users);
  const who = (email: string): Person => {
    const u = all.find((x) => x.email === email)!;
    return { id: u.id, role: u.role as Person["role"], email: u.email, name: u.name ?? undefined };
  };
  anna = who("anna@example.com");
  ben = who("ben@example.com");
  coach = who("coach@example.com");
  await database.db.insert(journalEntries).values(bensJournal.map((e) => ({ ...e, userId: ben.id })));
});
afterAll(() => database.drop());

describe("evidence of safety", () => {
  it("lets the client add, change and delete their own observation", async () => {
    as(ben);
    const saved = await actions.saveOwnEvidenceAction(
      {},
      form({ id: "", text: "Beim Radfahren kaum Schmerz.", observedOn: "2025-11-12", journalEntryId: "" }),
    );
    expect(saved.ok).toContain("Gespeichert");
    const [mine] = await listEvidence(ben.id);
    expect(mine).toMatchObject({ text: "Beim Radfahren kaum Schmerz.", source: "client", authorId: ben.id });
    await actions.saveOwnEvidenceAction(
      {},
      form({ id: mine!.id, text: "Beim Radfahren gar kein Schmerz.", observedOn: "2025-11-12", journalEntryId: "" }),
    );
    expect((await listEvidence(ben.id))[0]!.text).toBe("Beim Radfahren gar kein Schmerz.");
    await actions.deleteOwnEvidenceAction(form({ id: mine!.id }));
    expect(await listEvidence(ben.id)).toEqual([]);
  });

  it("keeps each person to their own: no edits of another client's or the coach's entries, no links to others' journals", async () => {
    as(coach);
    await actions.saveClientEvidenceAction(
      ben.id,
      {},
      form({ id: "", text: "Der Schmerz ging beim Lachen zurück.", observedOn: "2025-11-20", journalEntryId: "" }),
    );
    const [coachs] = await listEvidence(ben.id);
    expect(coachs).toMatchObject({ source: "coach", authorId: coach.id });
    as(ben);
    const edit = await actions.saveOwnEvidenceAction(
      {},
      form({ id: coachs!.id, text: "geändert", observedOn: "2025-11-20", journalEntryId: "" }),
    );
    expect(edit.message).toBe("Diese Beobachtung gibt es nicht.");
    await actions.deleteOwnEvidenceAction(form({ id: coachs!.id }));
    as(anna);
    await actions.deleteOwnEvidenceAction(form({ id: coachs!.id }));
    expect((await listEvidence(ben.id)).map((e) => e.text)).toEqual(["Der Schmerz ging beim Lachen zurück."]);
    const [annasEntry] = await database.db.select().from(journalEntries).where(eq(journalEntries.userId, anna.id)).limit(1);
    as(ben);
    const link = await actions.saveOwnEvidenceAction(
      {},
      form({ id: "", text: "Mit Annas Eintrag", observedOn: "2025-11-20", journalEntryId: annasEntry!.id }),
    );
    expect(link.fieldErrors?.journalEntryId).toEqual(["Diesen Tagebucheintrag gibt es nicht."]);
    as(coach);
    const forCoach = await actions.saveClientEvidenceAction(
      coach.id,
      {},
      form({ id: "", text: "x", observedOn: "2025-11-20", journalEntryId: "" }),
    );
    expect(forCoach.message).toBe("Diese Person gibt es nicht.");
  });

  it("suggests from the journal for the coach only; confirmed it reaches the client, dismissed it never comes back", async () => {
    const today = "2025-11-30";
    const open = await openSuggestions(ben.id, today);
    const walk = open.find((s) => s.rule === "movement_helped" && s.observedOn === "2025-11-11")!;
    const yoga = open.find((s) => s.rule === "movement_helped" && s.observedOn === "2025-11-25")!;
    expect(walk.clientText).toContain("„Spaziergang am Fluss“");
    expect(yoga.clientText).toContain("„Yoga“");
    // The client's list holds nothing unconfirmed.
    expect((await listEvidence(ben.id)).some((e) => e.rule !== null)).toBe(false);
    const views = async () => (await database.db.select().from(healthDataViews).where(eq(healthDataViews.clientId, ben.id))).length;
    const before = await views();
    const view = await coachEvidenceView(coach, ben.id, today);
    expect(await views()).toBe(before + 1);
    expect(view.suggestions.map((s) => s.observedOn)).toEqual(["2025-11-25", "2025-11-11"]);
    expect(view.suggestions[0]!.ruleInfo.title).toBe("Bewegung hat gutgetan");
  });

  it("decides a suggestion once, only one the rules make", async () => {
    const { decideSuggestion } = await import("@/lib/safety/queries");
    const [walk] = (await openSuggestions(ben.id, "2025-11-30")).filter((s) => s.observedOn === "2025-11-11");
    await decideSuggestion(
      ben.id,
      coach.id,
      { rule: walk!.rule, evidenceKey: walk!.evidenceKey, decision: "confirm", text: "Der Spaziergang am Fluss hat dir gutgetan." },
      "2025-11-30",
    );
    const confirmed = (await listEvidence(ben.id)).find((e) => e.source === "suggestion")!;
    expect(confirmed).toMatchObject({
      text: "Der Spaziergang am Fluss hat dir gutgetan.",
      observedOn: "2025-11-11",
      journalDate: "2025-11-11",
    });
    await expect(
      decideSuggestion(
        ben.id,
        coach.id,
        { rule: walk!.rule, evidenceKey: walk!.evidenceKey, decision: "confirm", text: "noch einmal" },
        "2025-11-30",
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    const [yoga] = (await openSuggestions(ben.id, "2025-11-30")).filter((s) => s.observedOn === "2025-11-25");
    await decideSuggestion(
      ben.id,
      coach.id,
      { rule: yoga!.rule, evidenceKey: yoga!.evidenceKey, decision: "dismiss", text: "" },
      "2025-11-30",
    );
    expect((await openSuggestions(ben.id, "2025-11-30")).filter((s) => s.rule === "movement_helped")).toEqual([]);
    expect((await listEvidence(ben.id)).filter((e) => e.source === "suggestion")).toHaveLength(1);
    // A made-up suggestion, for a real client or for nobody.
    await expect(
      decideSuggestion(
        ben.id,
        coach.id,
        { rule: "movement_helped", evidenceKey: unknownId, decision: "confirm", text: "erfunden" },
        "2025-11-30",
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      decideSuggestion(
        unknownId,
        coach.id,
        { rule: "movement_helped", evidenceKey: unknownId, decision: "dismiss", text: "" },
        "2025-11-30",
      ),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("is in the client's export", async () => {
    const data = await exportClientData(ben.id);
    expect(data.safetyEvidence.map((e) => e.text).sort()).toEqual([
      "Der Schmerz ging beim Lachen zurück.",
      "Der Spaziergang am Fluss hat dir gutgetan.",
    ]);
    expect(data.safetySuggestionDecisions.map((d) => d.decision).sort()).toEqual(["confirmed", "dismissed"]);
    expect(JSON.stringify(await exportClientData(anna.id))).not.toContain("Lachen");
  });
});

describe("the report for the doctor", () => {
  it("gives the client their own report with the weekly figures written above", async () => {
    as(ben);
    const response = await clientReport.GET(get("/dashboard/bericht.pdf?von=2025-11-03&bis=2025-11-30"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="bericht-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const text = (await pdfText(new Uint8Array(await response.arrayBuffer()))).join("\n");
    expect(text).toContain("Für: Ben Schröder");
    expect(text).toContain("Zeitraum: 3. November 2025 bis 30. November 2025");
    expect(text).toMatch(/3\. November 2025\s*3\s*6\s*7/);
    expect(text).toMatch(/10\. November 2025\s*2\s*3,5\s*3,5/);
    expect(text).toMatch(/17\. November 2025\s*0\s*–\s*–/);
    expect(text).toMatch(/24\. November 2025\s*1\s*2\s*2/);
    expect(text).toContain("Coaching ist keine Diagnose und keine medizinische Behandlung");
    expect(text).toContain("Der Spaziergang am Fluss hat dir gutgetan.");
    expect(text).not.toContain("Anna");
  });

  it("refuses a bad period with a 400 and a German message", async () => {
    as(ben);
    for (const query of [
      "von=2025-02-30",
      "von=2023-01-01&bis=2025-11-30",
      "von=2025-11-30&bis=2025-11-01",
      "bis=2999-01-01",
      "von=x&von=y",
    ]) {
      const response = await clientReport.GET(get(`/dashboard/bericht.pdf?${query}`));
      expect(response.status, query).toBe(400);
      expect((await response.json()).message, query).toMatch(/Zeitraum|von|Jahre|Zukunft/);
    }
  });

  it("takes no id for a client, so nobody reaches another client's report; the coach route is the coach's", async () => {
    as(anna);
    const own = await clientReport.GET(get(`/dashboard/bericht.pdf?clientId=${ben.id}&userId=${ben.id}`));
    expect((await pdfText(new Uint8Array(await own.arrayBuffer()))).join("\n")).toContain("Für: Anna Keller");
    expect((await coachReport.GET(get(`/coach/klienten/${ben.id}/bericht.pdf`), params(ben.id))).status).toBe(403);
    as(null);
    expect((await clientReport.GET(get("/dashboard/bericht.pdf"))).status).toBe(401);
    as(coach);
    expect((await clientReport.GET(get("/dashboard/bericht.pdf"))).status).toBe(403);
  });

  it("lets the coach make a client's report and logs it; an id of nobody or of the coach is a 404", async () => {
    as(coach);
    expect((await coachReport.GET(get(`/coach/klienten/${unknownId}/bericht.pdf`), params(unknownId))).status).toBe(404);
    expect((await coachReport.GET(get(`/coach/klienten/${coach.id}/bericht.pdf`), params(coach.id))).status).toBe(404);
    expect((await coachReport.GET(get("/coach/klienten/kein-uuid/bericht.pdf"), params("kein-uuid"))).status).toBe(404);
    const response = await coachReport.GET(get(`/coach/klienten/${ben.id}/bericht.pdf?von=2025-11-03&bis=2025-11-30`), params(ben.id));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const logged = await database.db
      .select()
      .from(healthDataViews)
      .where(and(eq(healthDataViews.clientId, ben.id), eq(healthDataViews.what, "Bericht für die Ärztin oder den Arzt (PDF)")));
    expect(logged).toHaveLength(1);
  });
});

describe("erasure", () => {
  it("takes the observations and decisions with the account", async () => {
    await deleteClientAccount(ben.id, "http://localhost:3000");
    expect(await database.db.select().from(safetyEvidence).where(eq(safetyEvidence.clientId, ben.id))).toEqual([]);
    expect(await database.db.select().from(safetySuggestionDecisions).where(eq(safetySuggestionDecisions.clientId, ben.id))).toEqual([]);
    expect((await listEvidence(anna.id)).length).toBe(3);
  });
});
