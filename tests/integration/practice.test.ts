import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { audioFiles, emailOutbox, exercises, healthDataViews, practiceAssignments, practiceLogs, users } from "@/db/schema";
import { seedDemo, seedEssentials } from "@/db/seed";
import { deleteClientAccount, exportClientData } from "@/lib/clients/my-data";
import { audioFor, saveAudio } from "@/lib/audio/store";
import { assignExercise, assignmentsOf, endAssignment } from "@/lib/practice/assignments";
import { getExercise, saveExercise } from "@/lib/practice/exercises";
import { builtinExercises } from "@/lib/practice/builtin-exercises";
import { practiceCsv } from "@/lib/practice/csv";
import { coachPracticeView, logPractice, logsOf, recentAnswers, setFeedback } from "@/lib/practice/logs";
import { practiceReport } from "@/lib/practice/report";
import { assignmentFormSchema, practiceLogSchema } from "@/lib/practice/schemas";
import { getPracticeSettings } from "@/lib/settings/queries";
import { todayIn } from "@/lib/time/zone";
import { createTestDatabase, sqlState, useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * Practice between sessions on a real database: the audio upload and its Range answers through
 * the route handlers, homework and practices scoped to their client, feedback by the coach only,
 * the report's figures, and the new tables in the export and the erasure.
 */
type Who = { id: string; role: "client" | "coach"; email: string; name?: string | null };
const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "client" | "coach"; email: string } }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null),
}));
vi.mock("next/cache", () => ({ unstable_cache: (fn: unknown) => fn, revalidatePath: () => {}, updateTag: () => {} }));
vi.mock("@/lib/site-url", () => ({ siteOrigin: async () => "http://localhost:3000", staticSiteOrigin: () => "http://localhost:3000" }));
const uploadRoute = await import("@/app/api/audio/route");
const audioRoute = await import("@/app/audio/[id]/route");
const actions = await import("@/lib/practice/actions");

let database: TestDatabase;
let coach: Who;
let anna: Who;
let ben: Who;
let today: string;
const tracking = builtinExercises[0]!.id;
const writing = builtinExercises[3]!.id;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
  const all = await database.db.select().from(users);
  const who = (email: string): Who => {
    const u = all.find((x) => x.email === email)!;
    return { id: u.id, role: u.role as Who["role"], email: u.email, name: u.name };
  };
  coach = who("coach@example.com");
  anna = who("anna@example.com");
  ben = who("ben@example.com");
  today = todayIn((await getPracticeSettings()).timeZone);
});
afterAll(() => database?.drop());

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const actAs = (who: Who | null) => (session.user = who && { id: who.id, role: who.role, email: who.email });
const upload = (body: BodyInit, headers: Record<string, string> = {}) =>
  uploadRoute.POST(
    new NextRequest("http://localhost:3000/api/audio", { method: "POST", body, headers, duplex: "half" } as ConstructorParameters<
      typeof NextRequest
    >[1]),
  );
const fetchAudio = (id: string, headers: Record<string, string> = {}) =>
  audioRoute.GET(new Request(`http://localhost:3000/audio/${id}`, { headers }), { params: Promise.resolve({ id }) });
const audioCount = async () => (await database.db.select({ id: audioFiles.id }).from(audioFiles)).length;

/** An MP3 as a recorder writes it: an ID3v2.4 tag, then frames (here 5000 bytes of a counting pattern). */
const mp3 = new Uint8Array([...Buffer.from("ID3"), 4, 0, 0, 0, 0, 0, 0, ...Array.from({ length: 5000 }, (_, i) => (i * 7) % 256)]);
const validLog = { minutes: "10", fearBefore: "6", fearAfter: "3", intensityBefore: "5", intensityAfter: "4", note: "" };

describe("the audio upload", () => {
  it("refuses what is no audio by its bytes, whatever the declared type, and stores nothing", async () => {
    actAs(coach);
    const before = await audioCount();
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, ...Buffer.from("JFIF")]);
    const answer = await upload(jpeg, { "content-type": "audio/mpeg" });
    expect(answer.status).toBe(415);
    expect((await answer.json()).message).toMatch(/keine Audiodatei/);
    expect((await upload(Buffer.from("<html>"), { "content-type": "audio/ogg" })).status).toBe(415);
    expect(await audioCount()).toBe(before);
  });

  it("refuses a body over 30 MB while it streams (no Content-Length) with 413, and a declared one at once", async () => {
    actAs(coach);
    const before = await audioCount();
    const megabyte = new Uint8Array(1024 * 1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 31) controller.enqueue(sent === 1 ? mp3.slice(0, 1024 * 1024) : megabyte);
        else controller.close();
      },
    });
    const answer = await upload(stream, { "content-type": "audio/mpeg" });
    expect(answer.status).toBe(413);
    expect((await answer.json()).message).toMatch(/größer als 30 MB/);
    expect(sent).toBeLessThanOrEqual(32);
    expect((await upload(mp3, { "content-type": "audio/mpeg", "content-length": String(31 * 1024 * 1024) })).status).toBe(413);
    expect(await audioCount()).toBe(before);
  });

  it("is the coach's alone and from this site only", async () => {
    actAs(anna);
    expect((await upload(mp3, { "content-type": "audio/mpeg" })).status).toBe(403);
    actAs(null);
    expect((await upload(mp3, { "content-type": "audio/mpeg" })).status).toBe(401);
    actAs(coach);
    expect((await upload(mp3, { "content-type": "audio/mpeg", origin: "https://evil.example" })).status).toBe(403);
  });

  it("serves exactly the bytes a Range asks for; clients hear it once it belongs to an exercise", async () => {
    actAs(coach);
    const answer = await upload(mp3, { "content-type": "application/octet-stream" });
    expect(answer.status).toBe(201);
    const { audio } = (await answer.json()) as { audio: { id: string; contentType: string; byteSize: number } };
    expect(audio).toMatchObject({ contentType: "audio/mpeg", byteSize: 5010 });

    const piece = await fetchAudio(audio.id, { range: "bytes=100-1099" });
    expect(piece.status).toBe(206);
    expect(piece.headers.get("content-range")).toBe("bytes 100-1099/5010");
    expect(piece.headers.get("content-type")).toBe("audio/mpeg");
    expect(Buffer.from(await piece.arrayBuffer()).equals(Buffer.from(mp3.slice(100, 1100)))).toBe(true);
    const first = await fetchAudio(audio.id, { range: "bytes=0-1" });
    expect([...new Uint8Array(await first.arrayBuffer())]).toEqual([0x49, 0x44]); // "ID"
    const tail = await fetchAudio(audio.id, { range: "bytes=-10" });
    expect(Buffer.from(await tail.arrayBuffer()).equals(Buffer.from(mp3.slice(5000)))).toBe(true);
    const rest = await fetchAudio(audio.id, { range: "bytes=5000-" });
    expect(rest.headers.get("content-range")).toBe("bytes 5000-5009/5010");
    expect((await fetchAudio(audio.id, { range: "bytes=5010-" })).status).toBe(416);
    const whole = await fetchAudio(audio.id);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(Buffer.from(await whole.arrayBuffer()).equals(Buffer.from(mp3))).toBe(true);

    // Not yet part of an exercise: only the coach hears it; nobody signed out.
    actAs(anna);
    expect((await fetchAudio(audio.id)).status).toBe(404);
    actAs(null);
    expect((await fetchAudio(audio.id)).status).toBe(401);

    actAs(coach);
    const saved = await actions
      .saveExerciseAction(
        {},
        form({
          id: "",
          title: "Body-Scan mit Mara",
          summary: "",
          body: "Hör einfach zu.",
          minutes: "12",
          kind: "other",
          audioId: audio.id,
        }),
      )
      .catch((e: { digest?: string }) => e);
    expect(String((saved as { digest?: string }).digest)).toMatch(/^NEXT_REDIRECT;.*\/coach\/uebungen\//);
    actAs(anna);
    const heard = await fetchAudio(audio.id, { range: "bytes=0-1" });
    expect(heard.status).toBe(206);
  });

  it("keeps the built-in exercises unchangeable, and attaches no recording that does not exist", async () => {
    actAs(coach);
    const builtin = await actions.saveExerciseAction(
      {},
      form({ id: tracking, title: "Umgeschrieben", summary: "", body: "x", minutes: "5", kind: "other", audioId: "" }),
    );
    expect(builtin.message).toMatch(/gibt es nicht/);
    const ghost = await actions.saveExerciseAction(
      {},
      form({ id: "", title: "Neu", summary: "", body: "x", minutes: "5", kind: "other", audioId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(ghost.fieldErrors?.audioId?.[0]).toMatch(/Aufnahme gibt es nicht/);
    const [row] = await database.db.select().from(exercises).where(eq(exercises.id, tracking));
    expect(row!.title).toBe("Somatic Tracking");
  });
});

describe("homework, practices and feedback", () => {
  it("a practice counts for the client's running assignment; nobody else sees it", async () => {
    const assignment = await assignExercise(
      anna.id,
      assignmentFormSchema.parse({ exerciseId: writing, frequency: "weekly", note: "" }),
      today,
    );
    await logPractice(anna.id, practiceLogSchema.parse({ ...validLog, exerciseId: writing, note: "Nur für Anna" }), today);
    const mine = (await assignmentsOf(anna.id, today)).find((a) => a.id === assignment)!;
    expect(mine).toMatchObject({ frequency: "weekly", doneThisWeek: 1 });
    expect((await logsOf(anna.id, { exerciseId: writing }))[0]).toMatchObject({ note: "Nur für Anna", assignmentId: assignment });
    expect(await logsOf(ben.id)).toEqual([]);
    expect(await assignmentsOf(ben.id, today)).toEqual([]);
  });

  it("the client's log action saves and says what was saved; hostile values are refused with a message and write nothing", async () => {
    actAs(anna);
    const log = actions.logPracticeAction.bind(null, tracking);
    const before = (await logsOf(anna.id, { limit: 1000 })).length;
    for (const bad of [
      { minutes: "-1" },
      { minutes: "601" },
      { minutes: "abc" },
      { fearBefore: "11" },
      { intensityAfter: "-3" },
      { note: "x".repeat(501) },
      { note: "a\u0000b" },
    ]) {
      const answer = await log({}, form({ ...validLog, ...bad }));
      expect(answer.ok, JSON.stringify(bad)).toBeUndefined();
      expect(Object.keys(answer.fieldErrors ?? {}), JSON.stringify(bad)).toEqual([Object.keys(bad)[0]]);
    }
    expect((await logsOf(anna.id, { limit: 1000 })).length).toBe(before);
    const ok = await log({}, form({ ...validLog, minutes: "12" }));
    expect(ok.ok).toMatch(/^Gespeichert: 12 Min\., Angst 6 → 3, Stärke 5 → 4\. Diese Woche: \d+ von \d+\.$/);
    actAs(coach);
    await expect(log({}, form(validLog))).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
  });

  it("another client's assignment cannot be ended through a different client, nor an unknown one", async () => {
    const [annas] = await assignmentsOf(anna.id, today);
    await expect(endAssignment(ben.id, annas!.id, today)).rejects.toMatchObject({ code: "not_found" });
    actAs(coach);
    await actions.endAssignmentAction(form({ clientId: ben.id, assignmentId: annas!.id }));
    const [still] = await database.db.select().from(practiceAssignments).where(eq(practiceAssignments.id, annas!.id));
    expect(still!.endedOn).toBeNull();
    // Ben ending Anna's homework himself: refused by the guard.
    actAs(ben);
    await expect(actions.endAssignmentAction(form({ clientId: anna.id, assignmentId: annas!.id }))).rejects.toMatchObject({
      digest: "NEXT_HTTP_ERROR_FALLBACK;403",
    });
    actAs(coach);
    await actions.endAssignmentAction(form({ clientId: anna.id, assignmentId: annas!.id }));
    const [ended] = await database.db.select().from(practiceAssignments).where(eq(practiceAssignments.id, annas!.id));
    expect(ended!.endedOn).toBe(today);
  });

  it("feedback is the coach's: a client is refused, another client's log id is not found, the client sees it beside the log", async () => {
    const [log] = await logsOf(anna.id);
    actAs(anna);
    await expect(actions.sendFeedbackAction(anna.id, log!.id, {}, form({ feedback: "Selbstlob" }))).rejects.toMatchObject({
      digest: "NEXT_HTTP_ERROR_FALLBACK;403",
    });
    actAs(coach);
    const wrongClient = await actions.sendFeedbackAction(ben.id, log!.id, {}, form({ feedback: "Falsche Person" }));
    expect(wrongClient.message).toMatch(/gibt es nicht/);
    const tooLong = await actions.sendFeedbackAction(anna.id, log!.id, {}, form({ feedback: "x".repeat(1001) }));
    expect(tooLong.fieldErrors?.feedback?.[0]).toMatch(/zu lang/);
    expect((await logsOf(anna.id))[0]!.feedback).toBe(log!.feedback);
    const ok = await actions.sendFeedbackAction(anna.id, log!.id, {}, form({ feedback: "Schön, dass du drangeblieben bist." }));
    expect(ok.ok).toBeTruthy();
    expect((await logsOf(anna.id)).find((l) => l.id === log!.id)!.feedback).toBe("Schön, dass du drangeblieben bist.");
  });

  it("the coach's first answer to a practice tells the client by email, at most once a day, without the answer or the exercise", async () => {
    // A client of their own: the later tests count Ben's practices.
    const [carla] = await database.db
      .insert(users)
      .values({ email: "carla@example.com", name: "Carla Beispiel", role: "client" })
      .returning({ id: users.id, email: users.email });
    const toCarla = () =>
      database.db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.to, carla!.email), eq(emailOutbox.template, "new-feedback")));
    const first = await logPractice(carla!.id, practiceLogSchema.parse({ ...validLog, exerciseId: tracking, note: "Knie zwickt" }), today);
    const second = await logPractice(carla!.id, practiceLogSchema.parse({ ...validLog, exerciseId: tracking }), today);
    actAs(coach);
    expect(
      (await actions.sendFeedbackAction(carla!.id, first, {}, form({ feedback: "Stark, wie ruhig du geblieben bist." }))).ok,
    ).toBeTruthy();
    const [email, ...more] = await toCarla();
    expect(more).toHaveLength(0);
    expect(email!.subject).toBe("Mara hat dir geantwortet");
    expect(email!.text).toContain("Hallo Carla,");
    expect(email!.text).toContain("http://localhost:3000/dashboard/uebungen#rueckmeldungen");
    // Not even the exercise's address: a built-in exercise's id is the same for everyone.
    for (const secret of ["Stark, wie ruhig", "Knie", builtinExercises[0]!.title, tracking]) {
      expect(email!.text).not.toContain(secret);
      expect(email!.html).not.toContain(secret);
      expect(email!.subject).not.toContain(secret);
    }
    // A second answer the same day and a changed answer send nothing more.
    await actions.sendFeedbackAction(carla!.id, second, {}, form({ feedback: "Weiter so." }));
    await actions.sendFeedbackAction(carla!.id, first, {}, form({ feedback: "Stark, wie gelassen du geblieben bist." }));
    expect(await toCarla()).toHaveLength(1);
    // On a later day, a changed answer still sends nothing; a first answer does.
    const later = new Date(Date.now() + 36 * 3_600_000);
    await setFeedback(carla!.id, { logId: first, feedback: "Stark." }, { now: later, origin: "http://localhost:3000" });
    expect(await toCarla()).toHaveLength(1);
    const third = await logPractice(carla!.id, practiceLogSchema.parse({ ...validLog, exerciseId: tracking }), today);
    await setFeedback(
      carla!.id,
      { logId: third, feedback: "Schön." },
      { now: new Date(later.getTime() + 60_000), origin: "http://localhost:3000" },
    );
    expect(await toCarla()).toHaveLength(2);
    // The link's list holds the answers, latest first; another client's are not there.
    expect((await recentAnswers(carla!.id, new Date(later.getTime() + 60_000))).map((l) => [l.id, l.feedback])).toEqual([
      [third, "Schön."],
      [first, "Stark."],
      [second, "Weiter so."],
    ]);
    expect((await recentAnswers(ben.id)).map((l) => l.id)).not.toContain(first);
  });

  it("archiving an exercise keeps it for the client who has it as homework, recording included, and hides it from everyone else", async () => {
    const audio = await saveAudio(mp3, "audio/mpeg", coach.id);
    const fields = { summary: "", body: "Hör zu.", minutes: 8, kind: "other" as const, audioId: audio.id };
    const id = await saveExercise({ ...fields, id: null, title: "Abendruhe", archived: false }, coach.id);
    await assignExercise(anna.id, assignmentFormSchema.parse({ exerciseId: id, frequency: "weekly", note: "" }), today);
    await saveExercise({ ...fields, id, title: "Abendruhe", archived: true }, coach.id);

    expect((await getExercise(id, anna))?.title).toBe("Abendruhe");
    expect(await audioFor(audio.id, anna)).not.toBeNull();
    await logPractice(anna.id, practiceLogSchema.parse({ ...validLog, exerciseId: id }), today);
    expect(await getExercise(id, ben)).toBeNull();
    expect(await audioFor(audio.id, ben)).toBeNull();
    await expect(logPractice(ben.id, practiceLogSchema.parse({ ...validLog, exerciseId: id }), today)).rejects.toMatchObject({
      code: "not_found",
    });
    // Archived exercises cannot be given as new homework.
    await expect(
      assignExercise(ben.id, assignmentFormSchema.parse({ exerciseId: id, frequency: "weekly", note: "" }), today),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("the coach's view of the practice writes a row in the client's access log", async () => {
    const rows = () =>
      database.db
        .select()
        .from(healthDataViews)
        .where(and(eq(healthDataViews.clientId, anna.id), eq(healthDataViews.what, "Übungen und Übungsprotokolle")));
    const before = (await rows()).length;
    const view = await coachPracticeView(coach, anna.id, today);
    expect((await rows()).length).toBe(before + 1);
    expect(view.logs.length).toBeGreaterThan(0);
    // The demo: during practice fear falls more than intensity.
    expect(view.shift!.fearFallsFirst).toBe(true);
    await expect(coachPracticeView(coach, coach.id, today)).rejects.toMatchObject({ code: "not_found" });
  });

  it("the database refuses values outside the ranges, whatever the code does", async () => {
    const row = {
      clientId: ben.id,
      exerciseId: tracking,
      practicedOn: today,
      minutes: 10,
      fearBefore: 5,
      fearAfter: 4,
      intensityBefore: 5,
      intensityAfter: 4,
    };
    for (const bad of [{ minutes: 601 }, { minutes: 0 }, { fearBefore: 11 }, { intensityAfter: -1 }, { note: "x".repeat(501) }]) {
      await expect(database.db.insert(practiceLogs).values({ ...row, ...bad }), JSON.stringify(bad)).rejects.toSatisfy(
        (e) => sqlState(e) === "23514",
      );
    }
  });
});

describe("the doctor's report figures", () => {
  it("counts practices and minutes in the inclusive range, with means per exercise", async () => {
    const { id: eva } = (await database.db.insert(users).values({ email: "eva.report@example.com", role: "client" }).returning())[0]!;
    const log = (practicedOn: string, exerciseId: string, minutes: number, f: [number, number], i: [number, number]) => ({
      clientId: eva,
      exerciseId,
      practicedOn,
      minutes,
      fearBefore: f[0],
      fearAfter: f[1],
      intensityBefore: i[0],
      intensityAfter: i[1],
    });
    await database.db.insert(practiceLogs).values([
      log("2026-03-31", tracking, 99, [9, 9], [9, 9]), // the day before: outside
      log("2026-04-01", tracking, 10, [6, 3], [5, 4]),
      log("2026-04-10", tracking, 12, [7, 3], [6, 5]),
      log("2026-04-30", tracking, 8, [5, 2], [5, 5]),
      log("2026-04-30", writing, 15, [4, 4], [3, 2]),
      log("2026-05-01", writing, 99, [9, 9], [9, 9]), // the day after: outside
    ]);
    expect(await practiceReport(eva, { from: "2026-04-01", to: "2026-04-30" })).toEqual({
      logs: 4,
      minutes: 45,
      exercises: [
        { title: "Somatic Tracking", logs: 3, fearBefore: 6, fearAfter: 2.7, intensityBefore: 5.3, intensityAfter: 4.7 },
        { title: "Freies Schreiben", logs: 1, fearBefore: 4, fearAfter: 4, intensityBefore: 3, intensityAfter: 2 },
      ],
    });
    expect(await practiceReport(eva, { from: "2025-01-01", to: "2025-01-31" })).toEqual({ logs: 0, minutes: 0, exercises: [] });
  });
});

describe("export and erasure", () => {
  it("the export holds the client's homework and practices with the coach's feedback, nothing of another client", async () => {
    const data = await exportClientData(anna.id);
    expect(data.practiceAssignments.map((a) => a.exercise)).toContain("Somatic Tracking");
    expect(data.practiceLogs.some((l) => l.coachFeedback === "Schön, dass du drangeblieben bist.")).toBe(true);
    expect(data.practiceLogs.some((l) => l.note === "Nur für Anna")).toBe(true);
    expect((await exportClientData(ben.id)).practiceLogs).toEqual([]);
  });

  it("the CSV of practices has a row per practice, with the feedback, and no cell becomes a formula", async () => {
    const csv = practiceCsv([
      {
        ...(await exportClientData(anna.id)).practiceLogs[0]!,
        practicedOn: "2026-11-03",
        exercise: "Somatic Tracking",
        minutes: 10,
        fearBefore: 6,
        fearAfter: 3,
        intensityBefore: 5,
        intensityAfter: 4,
        note: "=1+1",
        coachFeedback: "Gut; weiter so",
      },
    ]);
    const [header, row] = csv.replace("\uFEFF", "").split("\r\n");
    expect(header).toBe('"Datum";"Übung";"Minuten";"Angst vorher";"Angst nachher";"Stärke vorher";"Stärke nachher";"Notiz";"Rückmeldung"');
    expect(row).toBe(`"2026-11-03";"Somatic Tracking";"10";"6";"3";"5";"4";"'=1+1";"Gut; weiter so"`);
  });

  it("deleting the account deletes the client's homework and practices; the coach's recordings and exercises stay", async () => {
    const exercisesBefore = (await database.db.select().from(exercises)).length;
    const audioBefore = await audioCount();
    await deleteClientAccount(anna.id, "http://localhost:3000");
    expect(await database.db.select().from(practiceLogs).where(eq(practiceLogs.clientId, anna.id))).toEqual([]);
    expect(await database.db.select().from(practiceAssignments).where(eq(practiceAssignments.clientId, anna.id))).toEqual([]);
    expect((await database.db.select().from(exercises)).length).toBe(exercisesBefore);
    expect(await audioCount()).toBe(audioBefore);
  });
});

describe("the built-in exercises", () => {
  it("exist on a fresh database that gets only what production gets, and a second start changes nothing", async () => {
    const fresh = await createTestDatabase("pglite");
    try {
      await seedEssentials(fresh.db, "coach@example.com");
      await seedEssentials(fresh.db, "coach@example.com");
      const rows = await fresh.db.select({ key: exercises.builtinKey, title: exercises.title }).from(exercises);
      expect(rows.map((r) => r.key).sort()).toEqual([
        "expressive-writing",
        "graded-return",
        "positive-affect",
        "safety-reappraisal",
        "somatic-tracking",
      ]);
      expect(await fresh.db.select().from(practiceLogs)).toEqual([]);
    } finally {
      await fresh.drop();
    }
  });
});
