import { describe, expect, it } from "vitest";
import { describeAppointment } from "@/lib/appointments/describe";
import { scheduleSessionSchema } from "@/lib/sessions/schemas";
import { shortWhen } from "@/lib/time/format";
import { practiceClock, practiceTimeToUtc } from "@/lib/time/zone";

const tz = "Europe/Berlin";

describe("session times in the practice zone", () => {
  it("keeps the wall-clock time across the change to summer time (a weekly series stays at 10:00)", () => {
    expect(practiceTimeToUtc("2026-03-28", "10:00", tz).toISOString()).toBe("2026-03-28T09:00:00.000Z");
    expect(practiceTimeToUtc("2026-03-29", "10:00", tz).toISOString()).toBe("2026-03-29T08:00:00.000Z");
    // 02:30 does not exist that night: the first instant after the gap.
    expect(practiceTimeToUtc("2026-03-29", "02:30", tz).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(practiceTimeToUtc("2026-10-25", "10:00", tz).toISOString()).toBe("2026-10-25T09:00:00.000Z");
  });

  it("names times and appointments as the coach reads them", () => {
    const start = new Date("2026-12-03T09:00:00Z");
    expect(shortWhen(start, tz)).toBe("Do., 3. Dezember, 10:00");
    expect(describeAppointment({ kind: "consultation", name: "Nora Neu", startAt: start }, tz)).toBe(
      "Erstgespräch mit Nora Neu am Do., 3. Dezember, 10:00",
    );
    expect(describeAppointment({ kind: "session", name: "Anna Keller", startAt: start, typeName: "Kurzes Check-in" }, tz)).toBe(
      "Kurzes Check-in mit Anna Keller am Do., 3. Dezember, 10:00",
    );
    expect(practiceClock(new Date("2026-07-01T22:30:00Z"), tz)).toEqual({ date: "2026-07-02", time: "00:30" });
  });
});

describe("the schedule form's input", () => {
  const valid = {
    clientId: "9a77dfee-3e76-4e52-9322-bd306a139892",
    date: "2026-12-03",
    time: "10:00",
    sessionTypeId: "00000000-0000-4000-8000-000000000050",
  };

  it("accepts a single session or a series of 2 to 26, empty fields as not given", () => {
    expect(scheduleSessionSchema.parse({ ...valid, repeatWeekly: "", location: "", noteToClient: "" })).toMatchObject({
      repeatWeekly: 1,
      location: null,
      noteToClient: null,
    });
    expect(scheduleSessionSchema.parse({ ...valid, repeatWeekly: "26" }).repeatWeekly).toBe(26);
  });

  it("answers bad input with German field messages", () => {
    const result = scheduleSessionSchema.safeParse({
      ...valid,
      date: "morgen",
      time: "25:00",
      sessionTypeId: "",
      repeatWeekly: "27",
      noteToClient: "x".repeat(2001),
    });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toMatchObject({
      date: "Bitte wähle ein Datum.",
      time: "Bitte gib eine Uhrzeit an (SS:MM).",
      sessionTypeId: "Bitte wähle eine Sitzungsart.",
      repeatWeekly: "Eine Serie hat 2 bis 26 Termine.",
      noteToClient: "Die Notiz ist zu lang (höchstens 2.000 Zeichen).",
    });
    expect(scheduleSessionSchema.safeParse({ ...valid, repeatWeekly: "zwei" }).success).toBe(false);
  });
});
