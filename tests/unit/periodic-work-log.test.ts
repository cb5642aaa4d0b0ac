import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { reasonOf } from "@/lib/periodic-work";

describe("what a failed periodic step writes to the log", () => {
  it("names the database's own error and its SQLSTATE, never the query's parameters", () => {
    const cause = Object.assign(new Error("deadlock detected"), { code: "40P01" });
    const error = new DrizzleQueryError(
      'insert into "email_outbox" ("to", "html") values ($1, $2)',
      ["ole@example.com", "<p>Hallo Ole</p>"],
      cause,
    );
    const reason = reasonOf(error);
    expect(reason).toBe("Error: deadlock detected (SQLSTATE 40P01)");
    expect(reason).not.toContain("ole@example.com");
  });

  it("keeps an error without a cause as it is", () => {
    expect(reasonOf(new TypeError("fetch failed"))).toBe("TypeError: fetch failed");
    expect(reasonOf("timeout")).toBe("timeout");
  });
});
