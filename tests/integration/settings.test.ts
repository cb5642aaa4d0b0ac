import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { availabilitySettings, practiceSettings, sessionTypes } from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "client" | "coach"; email: string } }));
const revalidated = vi.hoisted(() => ({ tags: [] as string[], paths: [] as string[] }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null),
  signOut: async () => {},
}));
vi.mock("next/cache", () => ({
  revalidatePath: (path: string, type?: string) => revalidated.paths.push(type ? `${path}:${type}` : path),
  revalidateTag: (tag: string) => revalidated.tags.push(tag),
  updateTag: (tag: string) => revalidated.tags.push(tag),
  unstable_cache: <T>(fn: T) => fn,
}));
vi.mock("@/lib/site-url", () => ({ siteOrigin: async () => "http://localhost:3000", staticSiteOrigin: () => "http://localhost:3000" }));

const actions = await import("@/lib/settings/actions");

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
  await seedEssentials(database.db, "coach@example.com");
});
afterAll(() => database.drop());
beforeEach(() => {
  session.user = { id: "c", role: "coach", email: "coach@example.com" };
  revalidated.tags = [];
  revalidated.paths = [];
});

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

const valid = {
  practiceName: "Praxis Rückenwind",
  coachName: "Mara Lindner",
  profession: "Coach",
  street: "Hauptstraße 1",
  postalCode: "10115",
  city: "Berlin",
  email: "hallo@praxis.de",
  phone: "+49 30 1234567",
  vatId: "de 123 456 789",
  timeZone: "Europe/Vienna",
  reminderLeadHours: "48",
};

describe("each setting has one owner", () => {
  const availability = {
    "weekly.1": "09:00-12:00",
    durationMinutes: "30",
    bufferBeforeMinutes: "10",
    bufferAfterMinutes: "10",
    minimumNoticeHours: "24",
    horizonDays: "60",
    maxPerDay: "",
    slotIntervalMinutes: "30",
    cancellationCutoffHours: "12",
    confirmWindowMinutes: "30",
    maxPendingPerClient: "2",
    confirmationEmailsPerDay: "3",
  };

  it("the time zone is the practice's: the availability form cannot change it behind the settings cache's back", async () => {
    const { saveAvailabilityAction } = await import("@/lib/booking/coach-actions");
    await database.db.update(practiceSettings).set({ timeZone: "Europe/Berlin" });
    expect((await saveAvailabilityAction({}, form({ ...availability, timeZone: "America/New_York" }))).ok).toBeTruthy();
    const [practice] = await database.db.select().from(practiceSettings);
    expect(practice!.timeZone).toBe("Europe/Berlin");
  });

  it("the cancellation cut-off is a booking rule: the practice form cannot change it", async () => {
    await database.db.update(availabilitySettings).set({ cancellationCutoffMinutes: 1440 });
    expect(await actions.savePracticeSettingsAction({}, form({ ...valid, cancellationCutoffHours: "2" }))).toMatchObject({
      ok: expect.any(String),
    });
    const [rules] = await database.db.select().from(availabilitySettings);
    expect(rules!.cancellationCutoffMinutes).toBe(1440);
    const { saveAvailabilityAction } = await import("@/lib/booking/coach-actions");
    expect((await saveAvailabilityAction({}, form(availability))).ok).toBeTruthy();
    const [saved] = await database.db.select().from(availabilitySettings);
    expect(saved!.cancellationCutoffMinutes).toBe(720);
  });
});

describe("practice settings", () => {
  it("saves the practice's facts, its time zone and the reminder lead, and revalidates the public pages", async () => {
    expect(await actions.savePracticeSettingsAction({}, form(valid))).toMatchObject({ ok: expect.any(String) });
    const [practice] = await database.db.select().from(practiceSettings);
    expect(practice).toMatchObject({
      practiceName: "Praxis Rückenwind",
      vatId: "DE123456789",
      timeZone: "Europe/Vienna",
      reminderLeadMinutes: 2880,
    });
    expect(revalidated.paths).toContain("/:layout");
    expect(revalidated.paths).toEqual(expect.arrayContaining(["/", "/impressum", "/datenschutz"]));
  });

  it("answers with German field messages and saves nothing when input is wrong", async () => {
    const state = await actions.savePracticeSettingsAction(
      {},
      form({ ...valid, practiceName: " ", email: "kein-mail", timeZone: "Mars/Olympus", reminderLeadHours: "500", vatId: "123" }),
    );
    expect(state.message).toBe("Bitte prüfe die markierten Felder.");
    expect(Object.keys(state.fieldErrors ?? {}).sort()).toEqual(["email", "practiceName", "reminderLeadHours", "timeZone", "vatId"]);
    expect(state.fieldErrors!.timeZone![0]).toMatch(/Zeitzone/);
    const [practice] = await database.db.select().from(practiceSettings);
    expect(practice!.practiceName).toBe("Praxis Rückenwind");
  });

  it("saves the retention periods and revalidates /datenschutz, which states them", async () => {
    const saved = await actions.saveRetentionSettingsAction(
      {},
      form({ sentEmailRetentionDays: "45", openRequestRetentionDays: "14", pastConsultationRetentionMonths: "6" }),
    );
    expect(saved.ok).toMatch(/Gespeichert/);
    const [practice] = await database.db.select().from(practiceSettings);
    expect(practice).toMatchObject({ sentEmailRetentionDays: 45, openRequestRetentionDays: 14, pastConsultationRetentionMonths: 6 });
    expect(revalidated.paths).toContain("/:layout");
    expect(revalidated.paths).toContain("/datenschutz");
  });

  it("answers wrong retention periods with German field messages and keeps the old ones", async () => {
    const [before] = await database.db.select().from(practiceSettings);
    const state = await actions.saveRetentionSettingsAction(
      {},
      form({ sentEmailRetentionDays: "0", openRequestRetentionDays: "drei", pastConsultationRetentionMonths: "1.5" }),
    );
    expect(state.message).toBe("Bitte prüfe die markierten Felder.");
    expect(state.fieldErrors).toEqual({
      sentEmailRetentionDays: ["Inhalt gesendeter E-Mails: mindestens 1."],
      openRequestRetentionDays: ["Unbestätigte und abgesagte Anfragen: bitte eine Zahl eingeben."],
      pastConsultationRetentionMonths: ["Erstgespräche ohne Coaching: bitte eine ganze Zahl."],
    });
    const [after] = await database.db.select().from(practiceSettings);
    expect(after!.sentEmailRetentionDays).toBe(before!.sentEmailRetentionDays);
    expect(revalidated.paths).toEqual([]);
  });

  it("is for the coach alone", async () => {
    session.user = { id: "a", role: "client", email: "anna@example.com" };
    await expect(actions.savePracticeSettingsAction({}, form(valid))).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    await expect(actions.saveSessionTypeAction({}, form({ name: "X", durationMinutes: "30", channel: "video" }))).rejects.toMatchObject({
      digest: "NEXT_HTTP_ERROR_FALLBACK;403",
    });
    await expect(actions.renewCalendarFeedAction({}, new FormData())).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    await expect(actions.saveRetentionSettingsAction({}, form({ sentEmailRetentionDays: "1" }))).rejects.toMatchObject({
      digest: "NEXT_HTTP_ERROR_FALLBACK;403",
    });
  });
});

describe("session types", () => {
  it("adds, edits and retires a session type", async () => {
    const added = await actions.saveSessionTypeAction(
      {},
      form({ name: "Intensiv", durationMinutes: "90", channel: "in_person", defaultLocation: "Praxisraum" }),
    );
    expect(added.ok).toMatch(/angelegt/);
    const [row] = await database.db.select().from(sessionTypes).where(eq(sessionTypes.name, "Intensiv"));
    expect(row).toMatchObject({ durationMinutes: 90, channel: "in_person", defaultLocation: "Praxisraum", active: true });

    const bad = await actions.saveSessionTypeAction({}, form({ id: row!.id, name: "", durationMinutes: "5", channel: "fax" }));
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["channel", "durationMinutes", "name"]);

    await actions.saveSessionTypeAction(
      {},
      form({ id: row!.id, name: "Intensiv lang", durationMinutes: "120", channel: "video", defaultLocation: "" }),
    );
    await actions.setSessionTypeActiveAction(form({ id: row!.id, active: "false" }));
    const [edited] = await database.db.select().from(sessionTypes).where(eq(sessionTypes.id, row!.id));
    expect(edited).toMatchObject({ name: "Intensiv lang", durationMinutes: 120, channel: "video", active: false });
  });
});
