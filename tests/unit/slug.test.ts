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
