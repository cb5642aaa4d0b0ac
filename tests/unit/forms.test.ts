import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/articles/slug";

describe("slugify", () => {
  it("transliterates German and keeps only safe characters", () => {
    expect(slugify("Warum Rückenschmerz oft nicht dort entsteht, wo er wehtut")).toBe("warum-rueckenschmerz-oft-nicht-dort-entsteht-wo-er-wehtut");
    expect(slugify("Größe, Übung & Öl: ẞ")).toBe("groesse-uebung-oel-ss");
    expect(slugify("  Café — naïve  ")).toBe("cafe-naive");
    expect(slugify("!!!")).toBe("");
  });

  it("stays within 80 characters without a trailing hyphen", () => {
    const slug = slugify("Wort ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });
});

import { rangesSchema } from "@/lib/booking/availability-form";

describe("the coach's opening hours field", () => {
  it("reads several ranges, tolerant of how people type times", () => {
    expect(rangesSchema.parse("9:00-12:00, 14.00 – 17:30")).toEqual([
      { start: "09:00", end: "12:00" },
      { start: "14:00", end: "17:30" },
    ]);
    expect(rangesSchema.parse("")).toEqual([]);
    expect(rangesSchema.parse("22:00-24:00")).toEqual([{ start: "22:00", end: "24:00" }]);
  });

  it("explains what is wrong in German", () => {
    expect(() => rangesSchema.parse("10:00-9:00")).toThrow("liegt das Ende nicht nach dem Anfang");
    expect(() => rangesSchema.parse("9-12")).toThrow("verstehe ich nicht");
    expect(() => rangesSchema.parse("09:00-12:00, 11:00-13:00")).toThrow("überschneiden sich");
  });
});
