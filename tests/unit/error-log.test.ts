import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { loggable, reasonOf } from "@/lib/http/errors";

describe("what a failed query writes to the log", () => {
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

  it("logs a failed query as its cause, anything else as it is, with its stack", () => {
    const query = new DrizzleQueryError(
      'insert into "journal_entries" ("note") values ($1)',
      ["Rücken schlimmer nach Streit"],
      new Error("connection reset"),
    );
    expect(loggable(query)).toBe("Error: connection reset");
    expect(String(loggable(query))).not.toContain("Streit");
    const bug = new TypeError("x is undefined");
    expect(loggable(bug)).toBe(bug);
  });
});
