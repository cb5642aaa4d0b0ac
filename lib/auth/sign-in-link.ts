import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/db";
import { verificationTokens } from "@/db/schema";
import { authSecret } from "@/lib/env";

/**
 * A one-time sign-in link made the way Auth.js's email provider makes its own (token stored as
 * sha256(token + secret), checked by the same callback route), for invitations the coach sends.
 */
export async function createSignInLink(
  db: Db,
  {
    email,
    origin,
    callbackPath = "/login/weiter",
    maxAgeSeconds,
  }: { email: string; origin: string; callbackPath?: string; maxAgeSeconds: number },
): Promise<{ url: string; token: string }> {
  const token = randomBytes(32).toString("hex");
  await db.insert(verificationTokens).values({
    identifier: email,
    token: createHash("sha256").update(`${token}${authSecret()}`).digest("hex"),
    expires: new Date(Date.now() + maxAgeSeconds * 1000),
  });
  const params = new URLSearchParams({ callbackUrl: `${origin}${callbackPath}`, token, email });
  return { url: `${origin}/api/auth/callback/resend?${params}`, token };
}
