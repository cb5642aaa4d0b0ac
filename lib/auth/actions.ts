"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import { signIn, signOut } from "./index";
import { normalizedIdentifierOrNull } from "./identifier";
import { limitSignInRequest } from "./sign-in-limits";
import { safeReturnPath } from "./return-path";

export type SignInState = { email?: string; error?: string };

const invalidAddress = "Bitte gib eine gültige E-Mail-Adresse ein.";

const signInSchema = z.object({
  // The address as Auth.js will read it (lib/auth/identifier.ts), so that the limit counts that one.
  email: z
    .string()
    .max(254, "Diese Adresse ist zu lang.")
    .transform((value, ctx) => normalizedIdentifierOrNull(value) ?? (ctx.addIssue({ code: "custom", message: invalidAddress }), z.NEVER))
    .pipe(z.email(invalidAddress)),
  callbackUrl: z.string().max(500).optional(),
});

export async function requestMagicLink(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({ email: formData.get("email") ?? "", callbackUrl: formData.get("callbackUrl") || undefined });
  if (!parsed.success) {
    return {
      email: String(formData.get("email") ?? "").slice(0, 254),
      error: parsed.error.issues[0]?.message ?? "Bitte prüfe deine Eingabe.",
    };
  }
  try {
    await limitSignInRequest(parsed.data.email);
  } catch (error) {
    if (error instanceof AppError) return { email: parsed.data.email, error: error.message };
    throw error;
  }
  try {
    await signIn("resend", { email: parsed.data.email, redirectTo: safeReturnPath(parsed.data.callbackUrl), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      return { email: parsed.data.email, error: "Das hat leider nicht geklappt. Bitte versuche es in einem Moment noch einmal." };
    }
    throw error;
  }
  // The same page for known and unknown addresses: nobody learns who has an account.
  redirect("/login/pruefen");
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
