import { TZDate } from "@date-fns/tz";
import { afterEach, describe, expect, it } from "vitest";
import { addDays, addMonths, datesOfMonth, dayNumber, dateOfDayNumber, isValidDate, isoWeekday, mondayOf } from "@/lib/time/dates";
import { formatAppointmentTime, formatCalendarDate, formatClock, formatDate, formatDateTime, shortWhen } from "@/lib/time/format";
import {
  practiceClock,
  practiceDate,
  practiceTimeToUtc,
  practiceTimeToUtcMs,
  practiceWeek,
  startOfPracticeDate,
  todayIn,
} from "@/lib/time/zone";

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";
const iso = (d: Date | number) => new Date(d).toISOString();

describe("isValidDate", () => {
  it("accepts real calendar dates in strict YYYY-MM-DD form", () => {
    for (const d of ["2026-01-01", "2026-02-28", "2026-12-31", "2028-02-29", "2000-02-29", "2026-04-30"]) {
      expect(isValidDate(d), d).toBe(true);
    }
  });

  it("rejects impossible dates and other formats", () => {
    for (const d of [
      "2026-02-29",
      "2026-02-30",
      "2100-02-29",
      "2026-04-31",
      "2026-13-01",
      "2026-00-10",
      "2026-01-00",
      "2026-1-01",
      "26-01-01",
      "2026-01-01T00:00",
      " 2026-01-01",
      "",
    ]) {
      expect(isValidDate(d), d).toBe(false);
    }
  });
});

describe("addDays", () => {
  it("crosses month and year ends in both directions", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-04-30", 1)).toBe("2026-05-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-01-05", 60)).toBe("2026-03-06");
    expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
    expect(addDays("2026-06-15", 0)).toBe("2026-06-15");
  });

  it("handles the leap day 2028-02-29", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2028-02-29", 1)).toBe("2028-03-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2028-01-01", 366)).toBe("2029-01-01");
    expect(addDays("2028-02-29", 365)).toBe("2029-02-28");
  });

  it("is plain calendar arithmetic, unaffected by clock changes", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26");
  });

  it("throws on invalid input", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addDays("2026-01-01", 1.5)).toThrow(RangeError);
  });
});

describe("practiceDate", () => {
  it("returns the date in the given zone, not UTC's", () => {
    const instant = new Date("2026-12-31T23:30:00Z");
    expect(practiceDate(instant, BERLIN)).toBe("2027-01-01");
    expect(practiceDate(instant, "UTC")).toBe("2026-12-31");
    expect(practiceDate(new Date("2027-01-01T02:00:00Z"), NEW_YORK)).toBe("2026-12-31");
  });

  it("is exact at local midnight, also on clock-change days", () => {
    expect(practiceDate(new Date("2026-01-11T22:59:59Z"), BERLIN)).toBe("2026-01-11");
    expect(practiceDate(new Date("2026-01-11T23:00:00Z"), BERLIN)).toBe("2026-01-12");
    // 00:00 CEST on 2026-10-25 is 22:00Z the day before.
    expect(practiceDate(new Date("2026-10-24T22:00:00Z"), BERLIN)).toBe("2026-10-25");
    // Both occurrences of 02:30 on 2026-10-25 belong to that date.
    expect(practiceDate(new Date("2026-10-25T00:30:00Z"), BERLIN)).toBe("2026-10-25");
    expect(practiceDate(new Date("2026-10-25T01:30:00Z"), BERLIN)).toBe("2026-10-25");
  });
});

describe("isValidDate: the year-0 rule", () => {
  it("refuses year 0, which JavaScript parses but PostgreSQL has not", () => {
    expect(isValidDate("0000-01-01")).toBe(false);
    expect(isValidDate("0001-01-01")).toBe(true);
    expect(isValidDate("9999-12-31")).toBe(true);
  });
});

describe("weeks, months and day numbers", () => {
  it("knows weekdays and the Monday of a week, across month and year ends", () => {
    expect(isoWeekday("2026-11-30")).toBe(1);
    expect(isoWeekday("2026-12-06")).toBe(7);
    expect(mondayOf("2026-12-06")).toBe("2026-11-30");
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
  });

  it("lists a month's dates and steps months across years", () => {
    expect(datesOfMonth("2028-02")).toHaveLength(29);
    expect(datesOfMonth("2026-02").at(-1)).toBe("2026-02-28");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
  });

  it("counts days since 1970 and back, refusing what is not a date", () => {
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dateOfDayNumber(dayNumber("2028-02-29")! + 1)).toBe("2028-03-01");
    expect(dayNumber("2026-02-30")).toBeNull();
  });
});

describe("wall clock to instant: the documented rules", () => {
  it("keeps the wall-clock time on both sides of a clock change", () => {
    expect(iso(practiceTimeToUtc("2026-03-28", "10:00", BERLIN))).toBe("2026-03-28T09:00:00.000Z");
    expect(iso(practiceTimeToUtc("2026-03-29", "10:00", BERLIN))).toBe("2026-03-29T08:00:00.000Z");
    expect(iso(practiceTimeToUtc("2026-10-25", "10:00", BERLIN))).toBe("2026-10-25T09:00:00.000Z");
    expect(iso(practiceTimeToUtc("2027-03-28", "10:00", BERLIN))).toBe("2027-03-28T08:00:00.000Z");
    expect(iso(practiceTimeToUtc("2026-11-01", "10:00", NEW_YORK))).toBe("2026-11-01T15:00:00.000Z");
  });

  it("puts a time in the skipped hour on the first instant after the gap (03:00 CEST)", () => {
    expect(iso(practiceTimeToUtc("2026-03-29", "02:00", BERLIN))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(practiceTimeToUtc("2026-03-29", "02:30", BERLIN))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(practiceTimeToUtc("2027-03-28", "02:45", BERLIN))).toBe("2027-03-28T01:00:00.000Z");
    expect(iso(practiceTimeToUtc("2026-03-08", "02:30", NEW_YORK))).toBe("2026-03-08T07:00:00.000Z");
  });

  it("puts a time in the repeated hour on its first occurrence (still summer time)", () => {
    expect(iso(practiceTimeToUtc("2026-10-25", "02:00", BERLIN))).toBe("2026-10-25T00:00:00.000Z");
    expect(iso(practiceTimeToUtc("2026-10-25", "02:30", BERLIN))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(practiceTimeToUtc("2026-11-01", "01:30", NEW_YORK))).toBe("2026-11-01T05:30:00.000Z");
  });

  it('reads "24:00" as the next midnight only where an end is meant', () => {
    expect(iso(practiceTimeToUtcMs("2026-10-24", "24:00", BERLIN, true))).toBe("2026-10-24T22:00:00.000Z");
    expect(iso(practiceTimeToUtcMs("2026-10-25", "24:00", BERLIN, true))).toBe("2026-10-25T23:00:00.000Z");
    expect(() => practiceTimeToUtc("2026-10-25", "24:00", BERLIN)).toThrow(RangeError);
    expect(() => practiceTimeToUtc("2026-10-25", "9:00", BERLIN)).toThrow(RangeError);
    expect(() => practiceTimeToUtc("2026-02-30", "09:00", BERLIN)).toThrow(RangeError);
  });

  it("bounds days and weeks by their local midnights (23, 25 and 24 hours long)", () => {
    const hours = (date: string) =>
      (startOfPracticeDate(addDays(date, 1), BERLIN).getTime() - startOfPracticeDate(date, BERLIN).getTime()) / 3_600_000;
    expect([hours("2026-03-29"), hours("2026-10-25"), hours("2026-10-26")]).toEqual([23, 25, 24]);
    const week = practiceWeek("2026-10-19", BERLIN);
    expect(week.days).toEqual(["2026-10-19", "2026-10-20", "2026-10-21", "2026-10-22", "2026-10-23", "2026-10-24", "2026-10-25"]);
    expect(iso(week.from)).toBe("2026-10-18T22:00:00.000Z");
    expect(iso(week.until)).toBe("2026-10-25T23:00:00.000Z");
  });

  it("round-trips every quarter hour of the clock-change days that exists", () => {
    for (const [date, zone] of [
      ["2026-03-29", BERLIN],
      ["2026-10-25", BERLIN],
      ["2027-03-28", BERLIN],
      ["2026-11-01", NEW_YORK],
    ] as const) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
        const clock = practiceClock(practiceTimeToUtc(date, time, zone), zone);
        const skipped = zone === BERLIN && date !== "2026-10-25" && time.startsWith("02:");
        expect(clock, `${date} ${time} ${zone}`).toEqual(skipped ? { date, time: "03:00" } : { date, time });
      }
    }
  });

  it("refuses an unknown zone, also one whose name looks like an offset", () => {
    expect(() => practiceTimeToUtc("2026-12-01", "10:00", "Europe/Atlantis")).toThrow(RangeError);
    expect(() => practiceDate(new Date(), "Mars+05:00")).toThrow(RangeError);
    expect(() => practiceDate(new Date(Number.NaN), BERLIN)).toThrow(RangeError);
  });
});

describe("why the wall-clock rules are ours and not TZDate's", () => {
  const processZone = process.env.TZ;
  afterEach(() => {
    if (processZone === undefined) delete process.env.TZ;
    else process.env.TZ = processZone;
  });

  it("TZDate moves a skipped 02:30 forward by the gap to 03:30; we start at the transition, 03:00", () => {
    expect(iso(new TZDate(2026, 2, 29, 2, 30, BERLIN))).toBe("2026-03-29T01:30:00.000Z");
    expect(iso(practiceTimeToUtc("2026-03-29", "02:30", BERLIN))).toBe("2026-03-29T01:00:00.000Z");
  });

  it("TZDate picks the repeated 02:30 by the server's own zone; we always take the first", () => {
    process.env.TZ = "UTC";
    expect(iso(new TZDate(2026, 9, 25, 2, 30, BERLIN))).toBe("2026-10-25T01:30:00.000Z"); // the second, in winter time
    expect(iso(practiceTimeToUtc("2026-10-25", "02:30", BERLIN))).toBe("2026-10-25T00:30:00.000Z");
    process.env.TZ = "Asia/Tokyo";
    expect(iso(new TZDate(2026, 9, 25, 2, 30, BERLIN))).toBe("2026-10-25T00:30:00.000Z"); // the first
    expect(iso(practiceTimeToUtc("2026-10-25", "02:30", BERLIN))).toBe("2026-10-25T00:30:00.000Z");
  });
});

describe("instant to wall clock", () => {
  it("gives the date and time inputs' values in the zone", () => {
    expect(practiceClock(new Date("2026-07-01T22:30:00Z"), BERLIN)).toEqual({ date: "2026-07-02", time: "00:30" });
    expect(practiceClock(new Date("2026-10-25T01:30:00Z"), BERLIN)).toEqual({ date: "2026-10-25", time: "02:30" });
    expect(todayIn(NEW_YORK, new Date("2027-01-01T02:00:00Z"))).toBe("2026-12-31");
  });
});

describe("writing times for people", () => {
  const start = new Date("2026-12-01T09:00:00Z");

  it("names an appointment's time in the zone it is given", () => {
    expect(formatAppointmentTime(start, BERLIN)).toBe("Dienstag, 1. Dezember 2026 um 10:00 Uhr (Europe/Berlin)");
    expect(formatAppointmentTime(start, NEW_YORK, { withZone: false })).toBe("Dienstag, 1. Dezember 2026 um 04:00 Uhr");
    expect(shortWhen(new Date("2026-12-03T09:00:00Z"), BERLIN)).toBe("Do., 3. Dezember, 10:00");
    expect(formatClock(new Date("2026-12-03T23:05:00Z"), BERLIN)).toBe("00:05");
  });

  it("writes an instant's date in the practice's zone, not Berlin's", () => {
    const lateInNewYork = new Date("2026-11-27T03:30:00Z");
    expect(formatDate(lateInNewYork, BERLIN)).toBe("27. November 2026");
    expect(formatDate(lateInNewYork, NEW_YORK)).toBe("26. November 2026");
    expect(formatDateTime(lateInNewYork, NEW_YORK)).toBe("26.11.2026, 22:30");
    expect(formatDateTime(lateInNewYork, BERLIN, "seconds")).toBe("27.11.26, 04:30:00");
  });

  it("writes a calendar date as it is, whatever the zone", () => {
    expect(formatCalendarDate("2026-11-26", "long")).toBe("26. November 2026");
    expect(formatCalendarDate("2026-11-26", "weekday")).toBe("Donnerstag, 26. November");
    expect(formatCalendarDate("2026-11-26", "weekday-numeric")).toBe("Do., 26.11.");
    expect(formatCalendarDate("2026-11-26", "month-year")).toBe("November 2026");
  });
});
