import { describe, expect, it } from "vitest";
import type { ReportData } from "@/lib/report/data";
import { drawable, renderReport } from "@/lib/report/render";
import { weeklyMeans } from "@/lib/report/weeks";
import { pdfText } from "../pdf-text";

/** Hand-written journal: two weeks of November 2026 (Mondays 2 and 9), a week without entries, one more week. */
const entries = [
  { entryDate: "2026-11-02", pain: 6, stress: 7 },
  { entryDate: "2026-11-04", pain: 5, stress: 6 },
  { entryDate: "2026-11-08", pain: 4, stress: 4 }, // week of 2 Nov: pain (6+5+4)/3 = 5, stress (7+6+4)/3 = 5,7
  { entryDate: "2026-11-10", pain: 3, stress: 5 },
  { entryDate: "2026-11-12", pain: 4, stress: 2 }, // week of 9 Nov: pain 3,5, stress 3,5
  { entryDate: "2026-11-25", pain: 2, stress: 3 }, // week of 23 Nov: 2 and 3; week of 16 Nov: none
];

const base: ReportData = {
  generatedOn: "2026-11-29",
  period: { from: "2026-11-02", to: "2026-11-29" },
  client: { name: "Jörg Weiß" },
  practiceInfo: {
    practiceName: "Rückenwind Coaching",
    coachName: "Mara Lindner",
    profession: "Coach für chronische Schmerzen",
    addressLines: ["Lindenstraße 5", "79098 Freiburg"],
    contact: ["mara@example.com"],
  },
  journal: { entries: 6, averagePain: 4, averageStress: 4.5, weeks: weeklyMeans(entries, "2026-11-02", "2026-11-29") },
  selfChecks: [{ date: "3. November 2026", score: 9, band: "Viele Anzeichen treffen zu", redFlag: false }],
  evidence: [{ observedOn: "2026-11-10", text: "Beim Wandern war der Schmerz weg – „einfach so“." }],
  outcomes: null,
  practice: null,
};

const textOf = async (data: ReportData) => (await pdfText(await renderReport(data))).join("\n");

describe("weekly means", () => {
  it("averages each Monday-to-Sunday week and leaves a week without entries empty", () => {
    expect(weeklyMeans(entries, "2026-11-02", "2026-11-29")).toEqual([
      { weekStart: "2026-11-02", entries: 3, pain: 5, stress: 5.7 },
      { weekStart: "2026-11-09", entries: 2, pain: 3.5, stress: 3.5 },
      { weekStart: "2026-11-16", entries: 0, pain: null, stress: null },
      { weekStart: "2026-11-23", entries: 1, pain: 2, stress: 3 },
    ]);
  });

  it("cuts the first week at the period's start (a Wednesday)", () => {
    expect(weeklyMeans(entries, "2026-11-04", "2026-11-08")).toEqual([{ weekStart: "2026-11-04", entries: 2, pain: 4.5, stress: 5 }]);
  });
});

describe("the doctor's report", () => {
  it("shows the period, the client, the weekly figures and the no-diagnosis notice, umlauts intact", async () => {
    const text = await textOf(base);
    expect(text).toContain("Zeitraum: 2. November 2026 bis 29. November 2026");
    expect(text).toContain("Für: Jörg Weiß");
    expect(text).toContain("Rückenwind Coaching");
    expect(text).toContain("Lindenstraße 5");
    expect(text).toContain("Coaching ist keine Diagnose und keine medizinische Behandlung");
    expect(text).toContain("Beim Wandern war der Schmerz weg – „einfach so“.");
    expect(text).toContain("6 Tagebucheinträge im Zeitraum. Mittelwert Schmerz 4, Stress 4,5.");
    // The week table: start, entries, pain, stress.
    expect(text).toMatch(/2\. November 2026\s*3\s*5\s*5,7/);
    expect(text).toMatch(/9\. November 2026\s*2\s*3,5\s*3,5/);
    expect(text).toMatch(/16\. November 2026\s*0\s*–\s*–/);
    expect(text).toContain("3. November 2026: 9 von 13 Anzeichen, Viele Anzeichen treffen zu");
  });

  it("leaves out the check-in and practice sections without data, and shows them with it", async () => {
    const without = await textOf(base);
    expect(without).not.toContain("Check-ins");
    expect(without).not.toContain("Übungen zwischen den Sitzungen");
    const row = (date: string, averagePain: number, worstPain: number, interference: number, damageBelief: number) => ({
      date,
      kind: "weekly",
      averagePain,
      worstPain,
      interference,
      damageBelief,
    });
    const text = await textOf({
      ...base,
      outcomes: {
        baseline: row("2026-09-07", 6, 8, 7, 9),
        latest: row("2026-11-23", 2, 4, 3, 2),
        rows: [row("2026-09-07", 6, 8, 7, 9), row("2026-10-12", 4, 6, 5, 5), row("2026-11-23", 2, 4, 3, 2)],
      },
      practice: {
        logs: 11,
        minutes: 135,
        exercises: [{ title: "Somatic Tracking", logs: 8, fearBefore: 6.5, fearAfter: 3, intensityBefore: 5, intensityAfter: 4.5 }],
      },
    });
    expect(text).toMatch(/Ausgangswert \(7\. September\s+2026\)/);
    expect(text).toMatch(/Zuletzt \(23\. November\s+2026\)/);
    expect(text).toMatch(/Durchschnittlicher Schmerz \(7 Tage\)\s*6\s*2/);
    expect(text).toMatch(/Überzeugung, der Schmerz bedeute einen\s+Schaden\s*9\s*2/);
    expect(text).toContain("11 Übungen protokolliert, zusammen 135 Minuten.");
    expect(text).toMatch(/Somatic Tracking\s*8\s*6,5 auf 3\s*5 auf 4,5/);
  });

  it("writes characters the font cannot draw as a question mark, and composes decomposed umlauts", async () => {
    expect(drawable("Gut 😊 → besser")).toBe("Gut ? ? besser");
    expect(drawable("Mu\u0308he")).toBe("Mühe");
    const text = await textOf({ ...base, evidence: [{ observedOn: "2026-11-10", text: "Schmerz weg 😊, Mu\u0308he gelohnt, 5 €" }] });
    expect(text).toContain("Schmerz weg ?, Mühe gelohnt, 5 €");
  });

  it("runs onto more pages when there is much to show, each with its page number", async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      observedOn: "2026-11-10",
      text: `Beobachtung Nummer ${i + 1}, ein ruhiger Tag ohne Schmerz.`,
    }));
    const pages = await pdfText(await renderReport({ ...base, evidence: many }));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.at(-1)).toContain(`Seite ${pages.length} von ${pages.length}`);
    expect(pages.join("\n")).toContain("Beobachtung Nummer 60,");
  });
});
