import type { UserRole } from "@/db/schema";

/**
 * Where a session stands with its second factor:
 * - verified: it proved a passkey or a recovery code;
 * - pending:  it must still do so before it may reach anything behind a guard;
 * - skipped:  the coach in development, let in without one (the coach area says so);
 * - off:      a client without a passkey, for whom the magic link is enough.
 */
export type SecondFactorStatus = "verified" | "pending" | "skipped" | "off";
export type SecondFactorFacts = { verified: boolean; enrolled: boolean };

/**
 * The coach's account opens every client's health data, so in production the coach proves a
 * second factor after every magic link (setting up the first passkey if there is none yet).
 * A client who added a passkey chose the same protection and proves it too.
 */
export function secondFactorStatus(role: UserRole, facts: SecondFactorFacts, production: boolean): SecondFactorStatus {
  if (facts.verified) return "verified";
  if (role === "coach") return production ? "pending" : "skipped";
  return facts.enrolled ? "pending" : "off";
}
