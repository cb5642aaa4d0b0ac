import { createHash } from "node:crypto";
import { authSecret } from "@/lib/env";
import { clientKey } from "@/lib/http/client-ip";
import { enforceRateLimit } from "@/lib/rate-limit/rules";

/**
 * Counts a request for a sign-in link against the requesting address and the email address
 * (known or not, so the limit reveals nothing); throws a 429 AppError when either is used up.
 */
export async function limitSignInRequest(email: string): Promise<void> {
  await enforceRateLimit("signInIp", await clientKey());
  const address = createHash("sha256").update(`${authSecret()}:${email.trim().toLowerCase()}`).digest("base64url").slice(0, 22);
  await enforceRateLimit("signInAddress", address);
}
