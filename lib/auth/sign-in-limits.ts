import { createHash } from "node:crypto";
import { authSecret } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { clientKey } from "@/lib/http/client-ip";
import { enforceRateLimit } from "@/lib/rate-limit/rules";
import { normalizedIdentifierOrNull } from "./identifier";

/**
 * Counts a request for a sign-in link against the requesting address and the email address
 * (known or not, so the limit reveals nothing); throws a 429 AppError when either is used up.
 * The address is counted as Auth.js will read it (lib/auth/identifier.ts); one Auth.js would
 * refuse is refused here, after it counted against the requesting address.
 */
export async function limitSignInRequest(email: string): Promise<void> {
  await enforceRateLimit("signInIp", await clientKey());
  const identifier = normalizedIdentifierOrNull(email);
  if (!identifier) throw new AppError("invalid", "Bitte gib eine gültige E-Mail-Adresse ein.", { issues: [{ path: ["email"], message: "invalid" }] });
  const address = createHash("sha256").update(`${authSecret()}:${identifier}`).digest("base64url").slice(0, 22);
  await enforceRateLimit("signInAddress", address);
}
