import { describe, expect, it } from "vitest";
import { greetingName, isPlainName } from "@/lib/booking/greeting";

describe("the name an email to an unconfirmed address may greet with", () => {
  it("is a plain name: letters and marks, spaces, hyphens and apostrophes", () => {
    expect(greetingName("Anna")).toBe("Anna");
    expect(greetingName("Anna-Lena Meier")).toBe("Anna-Lena");
    expect(greetingName("Zoë O'Brien")).toBe("Zoë");
    expect(greetingName("D’Angelo Rossi")).toBe("D’Angelo");
    expect(greetingName("José María García López")).toBe("José");
    expect(greetingName("Şükrü Çelik")).toBe("Şükrü");
    expect(greetingName("Ｎｏｒａ")).toBe("Ｎｏｒａ");
    expect(greetingName("e\u0301mile")).toBe("e\u0301mile");
    expect(greetingName("Дмитрий")).toBe("Дмитрий");
    expect(greetingName("山田 花子")).toBe("山田");
  });

  it("is nothing else: no digits, punctuation, links, more than 4 words or 40 characters", () => {
    for (const name of [
      "Wichtig: Ihr Konto wird gesperrt … https://evil.example",
      "Anna (Praxis)",
      "Dr. Anna",
      "Anna2",
      "www.evil.example",
      "Anna\u202eevil",
      "Anna\u200b",
      "Anna  Meier",
      "Eins Zwei Drei Vier Fünf",
      "A".repeat(41),
      "-",
      "'",
      "",
      "<b>Anna</b>",
      "Anna\nMeier",
      "🙂",
    ]) {
      expect(isPlainName(name), JSON.stringify(name)).toBe(false);
      expect(greetingName(name), JSON.stringify(name)).toBeNull();
    }
    expect(isPlainName("A".repeat(40))).toBe(true);
    expect(isPlainName("Eins Zwei Drei Vier")).toBe(true);
  });
});
