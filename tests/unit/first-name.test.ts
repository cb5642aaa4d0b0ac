import { describe, expect, it } from "vitest";
import { firstNameOf } from "@/lib/validation/first-name";

describe("the name a person is addressed by", () => {
  it("is the first word of the name, however it is spaced", () => {
    expect(firstNameOf("Anna-Lena Meier")).toBe("Anna-Lena");
    expect(firstNameOf("  Jörg   von Baden ")).toBe("Jörg");
    expect(firstNameOf("Mara")).toBe("Mara");
  });

  it("is none for an empty or missing name, so each email can fall back to its own greeting", () => {
    expect(firstNameOf("")).toBeNull();
    expect(firstNameOf("   ")).toBeNull();
    expect(firstNameOf(null)).toBeNull();
    expect(firstNameOf(undefined)).toBeNull();
  });
});
