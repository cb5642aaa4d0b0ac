import { describe, expect, it } from "vitest";
import {
  SELF_CHECK_VERSION,
  bandText,
  changedSigns,
  isComplete,
  parseAnswers,
  redFlags,
  scoreSelfCheck,
  signs,
  type RedFlagId,
  type SelfCheckAnswers,
  type SignId,
} from "@/lib/checks/self-check";

const signIds = signs.map((s) => s.id);
const redFlagIds = redFlags.map((f) => f.id);

/** Answers with the first `yesCount` signs "yes", the rest "no", and no red flag. */
function answersWith(yesCount: number, flags: Partial<Record<RedFlagId, boolean>> = {}): SelfCheckAnswers {
  const signAnswers: Partial<Record<SignId, boolean>> = {};
  signIds.forEach((id, i) => (signAnswers[id] = i < yesCount));
  const flagAnswers: Partial<Record<RedFlagId, boolean>> = {};
  for (const id of redFlagIds) flagAnswers[id] = flags[id] ?? false;
  return { signs: signAnswers, redFlags: flagAnswers };
}

describe("the self-check questions", () => {
  it("has 13 signs and 7 red flags with unique ids", () => {
    expect(signs).toHaveLength(13);
    expect(redFlags).toHaveLength(7);
    expect(new Set(signIds).size).toBe(13);
    expect(new Set(redFlagIds).size).toBe(7);
  });

  it("keeps the signs in the order of the domain brief", () => {
    expect(signIds).toEqual([
      "stress_onset",
      "fluctuates",
      "no_injury",
      "outlasted_healing",
      "several_areas",
      "changes_spreads",
      "worse_with_stress",
      "eases_when_enjoying",
      "non_physical_triggers",
      "both_sides",
      "no_clear_diagnosis",
      "delayed",
      "personality",
    ]);
  });

  it("asks every question as a German yes/no question", () => {
    for (const q of [...signs, ...redFlags]) expect(q.question.trim().endsWith("?")).toBe(true);
  });
});

describe("scoreSelfCheck", () => {
  it("counts the yes answers and lists them in question order", () => {
    const result = scoreSelfCheck({ signs: { delayed: true, stress_onset: true, fluctuates: false }, redFlags: {} });
    expect(result).toEqual({ version: SELF_CHECK_VERSION, score: 2, total: 13, band: "few", redFlag: false, yes: ["stress_onset", "delayed"] });
    expect(scoreSelfCheck(answersWith(0)).score).toBe(0);
    expect(scoreSelfCheck(answersWith(13)).score).toBe(13);
    expect(scoreSelfCheck(answersWith(13)).yes).toEqual(signIds);
  });

  it("puts the band boundaries at 4/5 and 8/9", () => {
    expect(scoreSelfCheck(answersWith(0)).band).toBe("few");
    expect(scoreSelfCheck(answersWith(4)).band).toBe("few");
    expect(scoreSelfCheck(answersWith(5)).band).toBe("some");
    expect(scoreSelfCheck(answersWith(8)).band).toBe("some");
    expect(scoreSelfCheck(answersWith(9)).band).toBe("many");
    expect(scoreSelfCheck(answersWith(13)).band).toBe("many");
  });

  it("sets redFlag when any red flag is yes, whatever the score", () => {
    expect(scoreSelfCheck(answersWith(13)).redFlag).toBe(false);
    for (const id of redFlagIds) {
      expect(scoreSelfCheck(answersWith(0, { [id]: true })).redFlag).toBe(true);
      expect(scoreSelfCheck(answersWith(13, { [id]: true })).redFlag).toBe(true);
    }
  });

  it("scores with the given version and throws on an unknown one", () => {
    expect(scoreSelfCheck(answersWith(3), 1).version).toBe(1);
    expect(() => scoreSelfCheck(answersWith(3), 0)).toThrow(/version/);
    expect(() => scoreSelfCheck(answersWith(3), 999)).toThrow(/version/);
    expect(() => scoreSelfCheck(answersWith(3), 1.5)).toThrow(/version/);
    expect(() => scoreSelfCheck(answersWith(3), Number.NaN)).toThrow(/version/);
  });
});

describe("bandText", () => {
  it("has a title and a text for every band", () => {
    expect(Object.keys(bandText).sort()).toEqual(["few", "many", "some"]);
    for (const { title, text } of Object.values(bandText)) {
      expect(title.length).toBeGreaterThan(0);
      expect(text.length).toBeGreaterThan(0);
    }
  });

  it("speaks of what may fit and never claims a diagnosis", () => {
    for (const { title, text } of Object.values(bandText)) {
      expect(text).toMatch(/\b(kann|könnte)\b/);
      for (const words of [title, text]) {
        expect(words).not.toMatch(/du hast neuroplastische/i);
        expect(words).not.toMatch(/\bdu hast\b/i);
        expect(words).not.toMatch(/diagnose/i);
      }
    }
  });
});

describe("parseAnswers", () => {
  it("accepts a valid, complete object and returns a copy", () => {
    const valid = answersWith(6, { fever: true });
    const parsed = parseAnswers(JSON.parse(JSON.stringify(valid)));
    expect(parsed).toEqual(valid);
    expect(parsed && isComplete(parsed)).toBe(true);
  });

  it("accepts partial answers, which isComplete then reports", () => {
    const parsed = parseAnswers({ signs: { fluctuates: true }, redFlags: {} });
    expect(parsed).toEqual({ signs: { fluctuates: true }, redFlags: {} });
    expect(parsed && isComplete(parsed)).toBe(false);
  });

  it("rejects unknown ids", () => {
    expect(parseAnswers({ signs: { nope: true }, redFlags: {} })).toBeNull();
    expect(parseAnswers({ signs: {}, redFlags: { headache: true } })).toBeNull();
    // A red-flag id among the signs is unknown there.
    expect(parseAnswers({ signs: { fever: true }, redFlags: {} })).toBeNull();
    expect(parseAnswers({ signs: {}, redFlags: {}, extra: 1 })).toBeNull();
    expect(parseAnswers({ signs: {} })).toBeNull();
  });

  it("rejects non-boolean values", () => {
    for (const value of ["true", 1, 0, null, undefined, {}, []]) {
      expect(parseAnswers({ signs: { delayed: value }, redFlags: {} })).toBeNull();
      expect(parseAnswers({ signs: {}, redFlags: { fever: value } })).toBeNull();
    }
  });

  it("rejects __proto__ keys and other prototype tricks", () => {
    expect(parseAnswers(JSON.parse('{"signs":{"__proto__":{"delayed":true}},"redFlags":{}}'))).toBeNull();
    expect(parseAnswers(JSON.parse('{"signs":{},"redFlags":{"__proto__":true}}'))).toBeNull();
    expect(parseAnswers(JSON.parse('{"__proto__":{},"signs":{},"redFlags":{}}'))).toBeNull();
    expect(parseAnswers({ signs: { constructor: true }, redFlags: {} })).toBeNull();
    expect(parseAnswers({ signs: Object.create({ delayed: true }) as object, redFlags: {} })).toBeNull();
    expect(parseAnswers({ signs: new Map(), redFlags: {} })).toBeNull();
  });

  it("rejects arrays, strings, null and other non-objects", () => {
    for (const input of [[], [{ signs: {}, redFlags: {} }], "x", "", null, undefined, 42, true]) {
      expect(parseAnswers(input)).toBeNull();
    }
    expect(parseAnswers({ signs: [], redFlags: {} })).toBeNull();
    expect(parseAnswers({ signs: {}, redFlags: "fever" })).toBeNull();
    expect(parseAnswers({ signs: null, redFlags: {} })).toBeNull();
  });
});

describe("changedSigns", () => {
  it("lists signs that became yes and signs that no longer are", () => {
    expect(changedSigns(["stress_onset", "delayed", "personality"], ["delayed", "both_sides"])).toEqual({
      added: ["both_sides"],
      removed: ["stress_onset", "personality"],
    });
  });

  it("is empty when nothing changed, including order and duplicates", () => {
    expect(changedSigns(["delayed", "fluctuates"], ["fluctuates", "delayed", "delayed"])).toEqual({ added: [], removed: [] });
    expect(changedSigns([], [])).toEqual({ added: [], removed: [] });
  });

  it("works between two scored results", () => {
    const before = scoreSelfCheck(answersWith(9));
    const after = scoreSelfCheck(answersWith(5));
    expect(changedSigns(before.yes, after.yes)).toEqual({ added: [], removed: signIds.slice(5, 9) });
    expect(changedSigns(after.yes, before.yes)).toEqual({ added: signIds.slice(5, 9), removed: [] });
  });
});
