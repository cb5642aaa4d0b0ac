import { AuthError } from "next-auth";
import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import { signIn } from "./index";
import { normalizedIdentifierOrNull } from "./identifier";
import { limitSignInRequest } from "./sign-in-limits";
import { safeReturnPath } from "./return-path";

const invalidAddress = "Bitte gib eine gültige E-Mail-Adresse ein.";

export const signInSchema = z.object({
  // The address as Auth.js will read it (lib/auth/identifier.ts), so that the limit counts that one.
  email: z
    .string()
    .max(254, "Diese Adresse ist zu lang.")
    .transform((value, ctx) => normalizedIdentifierOrNull(value) ?? (ctx.addIssue({ code: "custom", message: invalidAddress }), z.NEVER))
    .pipe(z.email(invalidAddress)),
  callbackUrl: z
    .string()
    .max(500)
    .optional()
    .transform((value) => value || undefined),
});

/**
 * Counts the request against the sign-in limits (a 429 AppError when one is used up), then asks
 * Auth.js for the link; Auth.js failing to send it is an AppError the form can say.
 */
export async function sendSignInLink({ email, callbackUrl }: z.output<typeof signInSchema>): Promise<void> {
  await limitSignInRequest(email);
  try {
    await signIn("resend", { email, redirectTo: safeReturnPath(callbackUrl), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      throw new AppError("unavailable", "Das hat leider nicht geklappt. Bitte versuche es in einem Moment noch einmal.");
    }
    throw error;
  }
}
