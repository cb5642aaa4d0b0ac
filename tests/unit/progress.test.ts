import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LineChart, type Series } from "@/components/charts/LineChart";
import {
  average,
  currentStreak,
  fillDays,
  insightForCoach,
  insightText,
  painStressCorrelation,
  type DailyPoint,
} from "@/lib/journal/progress";

/** Consecutive days from 2026-03-01 with the given pain and stress values. */
function days(pain: (number | null)[], stress: (number | null)[]): DailyPoint[] {
  return pain.map((p, i) => ({
    date: new Date(Date.UTC(2026, 2, 1 + i)).toISOString().slice(0, 10),
    pain: p,
    stress: stress[i] ?? null,
  }));
}

describe("currentStreak", () => {
  it("counts back from today when today has an entry", () => {
    expect(currentStreak(["2026-03-10", "2026-03-09", "2026-03-08"], "2026-03-10")).toBe(3);
  });

  it("keeps the streak alive when only yesterday has an entry", () => {
    expect(currentStreak(["2026-03-09", "2026-03-08"], "2026-03-10")).toBe(2);
  });

  it("is 0 when neither today nor yesterday has an entry", () => {
    expect(currentStreak(["2026-03-08", "2026-03-07"], "2026-03-10")).toBe(0);
  });

  it("stops at a gap", () => {
    expect(currentStreak(["2026-03-10", "2026-03-09", "2026-03-07", "2026-03-06"], "2026-03-10")).toBe(2);
  });

  it("ignores duplicates and order", () => {
    expect(currentStreak(["2026-03-09", "2026-03-10", "2026-03-10", "2026-03-08", "2026-03-09"], "2026-03-10")).toBe(3);
  });

  it("is 0 without entries", () => {
    expect(currentStreak([], "2026-03-10")).toBe(0);
  });

  it("runs across a month boundary", () => {
    expect(currentStreak(["2026-03-02", "2026-03-01", "2026-02-28", "2026-02-27"], "2026-03-02")).toBe(4);
    expect(currentStreak(["2026-01-01", "2025-12-31", "2025-12-30"], "2026-01-02")).toBe(3);
  });

  it("ignores entries after today and malformed dates", () => {
    expect(currentStreak(["2026-03-11", "2026-03-10", "2026-02-30", "kaputt"], "2026-03-10")).toBe(1);
  });
});

describe("painStressCorrelation", () => {
  it("computes Pearson's r for a small known dataset", () => {
    // cov = 6, var(pain) = 10, var(stress) = 6  →  r = 6 / √60 = √0.6
    const r = painStressCorrelation(days([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]));
    expect(r).toBeCloseTo(Math.sqrt(0.6), 10);
  });

  it("is exactly 1 and -1 for perfectly (anti-)aligned values", () => {
    expect(painStressCorrelation(days([1, 2, 3], [2, 4, 6]))).toBeCloseTo(1, 10);
    expect(painStressCorrelation(days([1, 2, 3], [6, 4, 2]))).toBeCloseTo(-1, 10);
  });

  it("only uses days with both values", () => {
    const r = painStressCorrelation(days([1, 2, null, 3, 4, 5, 9], [2, 4, 7, null, 5, 4, null]));
    // Paired days: (1,2) (2,4) (4,5) (5,4)
    expect(r).toBeCloseTo(painStressCorrelation(days([1, 2, 4, 5], [2, 4, 5, 4])) ?? Number.NaN, 10);
  });

  it("is null with fewer than 3 paired days", () => {
    expect(painStressCorrelation([])).toBeNull();
    expect(painStressCorrelation(days([1, 2, 3], [4, 5, null]))).toBeNull();
  });

  it("is null when a value never changes", () => {
    expect(painStressCorrelation(days([4, 4, 4, 4], [1, 2, 3, 4]))).toBeNull();
    expect(painStressCorrelation(days([1, 2, 3, 4], [5, 5, 5, 5]))).toBeNull();
  });
});

describe("insightForCoach", () => {
  it("speaks about the client, with the figure, and stays hidden below 14 days", () => {
    const stress = [2, 3, 4, 5, 6, 7, 8, 8, 7, 6, 5, 4, 3, 2];
    expect(insightForCoach(days(stress.slice(0, 10), stress.slice(0, 10)), "Anna")).toBeNull();
    const insight = insightForCoach(days(stress, stress), "Anna");
    expect(insight?.title).toBe("Schmerz und Stress gingen oft zusammen");
    expect(insight?.text).toContain("r = 1,00");
    expect(insight?.text).toContain("14 Tage");
    expect(insight?.text).toContain("Anna sieht");
    expect(insight?.text).not.toMatch(/\bdein\b/);
  });
});

describe("insightText", () => {
  const stress14 = [2, 3, 4, 5, 6, 7, 8, 8, 7, 6, 5, 4, 3, 2];

  it("is null below 14 days with values", () => {
    expect(insightText(days(stress14.slice(0, 13), stress14.slice(0, 13)))).toBeNull();
    // 14 days, but one without a stress value
    expect(insightText(days(stress14, [...stress14.slice(0, 13), null]))).toBeNull();
  });

  it("describes a clear connection at r ≥ 0.5", () => {
    const insight = insightText(days(stress14, stress14));
    expect(insight).not.toBeNull();
    expect(insight?.text).toContain("An Tagen mit mehr Stress war dein Schmerz meist auch stärker");
    expect(insight?.text).toContain("keine Diagnose");
    expect(insight?.text).toContain("nächsten Sitzung");
    expect(insight?.text).toContain("14 Tage");
  });

  it("describes a loose connection for 0.2 ≤ r < 0.5", () => {
    const stress = [2, 3, 4, 5, 6, 7, 8, 2, 3, 4, 5, 6, 7, 8];
    const pain = [5, 3, 6, 4, 7, 5, 4, 3, 6, 5, 4, 6, 7, 5];
    const points = days(pain, stress);
    const r = painStressCorrelation(points) ?? Number.NaN;
    expect(r).toBeGreaterThanOrEqual(0.2);
    expect(r).toBeLessThan(0.5);
    const insight = insightText(points);
    expect(insight?.title).toBe("Ein lockerer Zusammenhang");
    expect(insight?.text).toContain("lockeren Zusammenhang");
    expect(insight?.text).toContain("14 Tage");
  });

  it("says calmly that there is no clear connection for -0.2 < r < 0.2", () => {
    // Pain is symmetric around the stress mean: r = 0 exactly.
    const pain = stress14.map((s) => (s - 5) ** 2 / 2);
    const points = days([...pain, ...pain], [...stress14, ...stress14]);
    expect(painStressCorrelation(points)).toBeCloseTo(0, 10);
    const insight = insightText(points);
    expect(insight?.title).toBe("Kein klarer Zusammenhang");
    expect(insight?.text).toContain("völlig in Ordnung");
    expect(insight?.text).toContain("Schlaf");
    expect(insight?.text).toContain("28 Tage");
  });

  it("calls r ≤ -0.2 unusual and suggests talking about it", () => {
    const insight = insightText(
      days(
        stress14.map((s) => 10 - s),
        stress14,
      ),
    );
    expect(insight?.title).toBe("Ein ungewöhnliches Muster");
    expect(insight?.text).toContain("ungewöhnlich");
    expect(insight?.text).toContain("nächsten Sitzung");
    expect(insight?.text).toContain("14 Tage");
  });

  it("stays careful when no correlation can be computed", () => {
    const insight = insightText(days(Array<number>(14).fill(4), stress14));
    expect(insight?.title).toBe("Noch kein Zusammenhang erkennbar");
    expect(insight?.text).toContain("14 Tage");
  });

  it("never sounds alarming or promises anything", () => {
    const variants = [
      insightText(days(stress14, stress14)),
      insightText(
        days(
          stress14.map((s) => 10 - s),
          stress14,
        ),
      ),
      insightText(
        days(
          stress14.map((s) => (s - 5) ** 2 / 2),
          stress14,
        ),
      ),
    ];
    for (const insight of variants) {
      expect(insight?.text).not.toMatch(/gefährlich|alarm|garantiert|heilt|verschwindet/i);
    }
  });
});

describe("average", () => {
  it("averages the non-null values, rounded to one decimal", () => {
    expect(average([1, 2, 2])).toBe(1.7);
    expect(average([4, null, 5])).toBe(4.5);
    expect(average([0, null])).toBe(0);
  });

  it("is null without values", () => {
    expect(average([])).toBeNull();
    expect(average([null, null])).toBeNull();
  });
});

describe("fillDays", () => {
  it("fills every day across a month boundary with nulls where nothing was noted", () => {
    const filled = fillDays(
      [
        { date: "2026-03-01", pain: 3, stress: 4 },
        { date: "2026-02-27", pain: 5, stress: null },
        { date: "2026-03-05", pain: 1, stress: 1 }, // outside the range
      ],
      "2026-02-26",
      "2026-03-02",
    );
    expect(filled).toEqual([
      { date: "2026-02-26", pain: null, stress: null, mood: null },
      { date: "2026-02-27", pain: 5, stress: null, mood: null },
      { date: "2026-02-28", pain: null, stress: null, mood: null },
      { date: "2026-03-01", pain: 3, stress: 4, mood: null },
      { date: "2026-03-02", pain: null, stress: null, mood: null },
    ]);
  });

  it("handles leap years, single days and reversed ranges", () => {
    expect(fillDays([], "2028-02-28", "2028-03-01").map((d) => d.date)).toEqual(["2028-02-28", "2028-02-29", "2028-03-01"]);
    expect(fillDays([], "2026-03-01", "2026-03-01")).toHaveLength(1);
    expect(fillDays([], "2026-03-02", "2026-03-01")).toEqual([]);
  });
});

describe("LineChart", () => {
  const series: Series[] = [
    { name: "Schmerz", color: "#2f6b5e", values: [1, 2, null, 3, 4] },
    { name: "Stress", color: "#8a4b0f", values: [5, 5, 6, 4, 3] },
  ];
  const labels = ["1.3.", "2.3.", "3.3.", "4.3.", "5.3."];
  const html = renderToStaticMarkup(createElement(LineChart, { title: "Schmerz und Stress", labels, series, yMin: 0, yMax: 10 }));
  const paths = [...html.matchAll(/<path[^>]* d="([^"]*)"/g)].map((m) => m[1] ?? "").filter((d) => !d.endsWith("h0"));

  it("renders an accessible figure", () => {
    expect(html).toContain("<figure");
    expect(html).toContain("<figcaption");
    expect(html).toContain("Schmerz und Stress");
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<title id="[^"]+">Schmerz und Stress<\/title>/);
    expect(html).toContain("<desc");
    expect(html).toContain("Durchschnitt 2,5, letzter Wert 4,0 (5.3.)");
  });

  it("labels the svg with its title", () => {
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(labelledBy).toBeTruthy();
    expect(html).toContain(`<title id="${labelledBy}">`);
  });

  it("includes a visually hidden data table", () => {
    expect(html).toContain('<table class="sr-only"');
    expect(html).toContain("<caption>Schmerz und Stress</caption>");
    expect(html).toContain('<th scope="col">Datum</th>');
    expect(html).toContain('<th scope="col">Stress</th>');
    expect(html).toContain("<td>–</td>");
    expect(html).toContain("<td>6,0</td>");
  });

  it("breaks the line at a null instead of drawing through it", () => {
    expect(paths).toHaveLength(2);
    expect(paths[0]?.match(/M/g)).toHaveLength(2);
    expect(paths[1]?.match(/M/g)).toHaveLength(1);
  });

  it("draws gridlines at 0, 5 and 10 with labels in CSS pixels, a dot per point and a dashed second series", () => {
    for (const tick of ["0", "5", "10"]) expect(html).toMatch(new RegExp(`<span[^>]*>${tick}</span>`));
    const dots = [...html.matchAll(/<path[^>]* d="M[\d.]+ [\d.]+h0"[^>]*stroke-linecap="(round|square)"/g)].map((m) => m[1]);
    expect(dots.filter((cap) => cap === "round")).toHaveLength(4 + 1); // four pain values + legend marker
    expect(dots.filter((cap) => cap === "square")).toHaveLength(5 + 1); // five stress values + legend marker
    expect(html).toContain('stroke-dasharray="7 5"');
    expect(html).toContain('vector-effect="non-scaling-stroke"');
    expect(html).toContain("<span>Schmerz</span>");
  });

  it("shows two x labels on the narrowest phone and up to seven on a wide screen, and no dots for long ranges", () => {
    const long = Array.from({ length: 60 }, (_, i) => `${i + 1}. Nov.`);
    const out = renderToStaticMarkup(
      createElement(LineChart, {
        title: "Zwei Monate",
        labels: long,
        series: [{ name: "Schmerz", color: "red", values: long.map((_, i) => (i === 30 ? null : i % 10)) }],
      }),
    );
    const chart = out.slice(out.indexOf("<svg"), out.indexOf("<ul"));
    const xLabels = [...chart.matchAll(/<span class="absolute top-full([^"]*)"[^>]*>([^<]+)<\/span>/g)].map((m) => ({
      label: m[2],
      classes: m[1]!.split(" "),
    }));
    const visibleAt = (tier: string) =>
      xLabels
        .filter(({ classes }) => {
          let shown = false;
          for (const prefix of ["", "@2xs:", "@sm:", "@lg:", "@2xl:"]) {
            if (classes.includes(`${prefix}block`)) shown = true;
            if (classes.includes(`${prefix}hidden`)) shown = false;
            if (prefix === tier) break;
          }
          return shown;
        })
        .map(({ label }) => label);
    expect(visibleAt("")).toEqual(["1. Nov.", "60. Nov."]);
    expect(visibleAt("@2xs:")).toEqual(["1. Nov.", "31. Nov.", "60. Nov."]);
    expect(visibleAt("@2xl:")).toEqual(["1. Nov.", "11. Nov.", "21. Nov.", "31. Nov.", "40. Nov.", "50. Nov.", "60. Nov."]);
    expect(chart).not.toContain("h0");
  });
});
