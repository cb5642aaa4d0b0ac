import { forbidden, redirect, unauthorized } from "next/navigation";
import type { Session } from "next-auth";
import { cache } from "react";
import type { UserRole } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { secondFactorStatus, type SecondFactorStatus } from "@/lib/second-factor/policy";
import { auth } from "./index";

export type SessionUser = Session["user"];
export type SessionState = { user: SessionUser; secondFactor: SecondFactorStatus; enrolled: boolean };

/**
 * The signed-in user and where the session stands with its second factor, read once per
 * request however many components ask. A session without its facts (never in the app, which
 * always sets them) counts as unverified and without a passkey.
 */
export const sessionState = cache(async (): Promise<SessionState | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const facts = session.secondFactor ?? { verified: false, enrolled: false };
  return {
    user: session.user,
    enrolled: facts.enrolled,
    secondFactor: secondFactorStatus(session.user.role, facts, env().NODE_ENV === "production"),
  };
});

/** The signed-in user; null for a session that still owes its second factor. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const state = await sessionState();
  return state && state.secondFactor !== "pending" ? state.user : null;
});

/** The page that asks for the passkey or a recovery code, then goes on to `returnTo`. */
export function secondFactorPath(returnTo?: string): string {
  return returnTo ? `/login/zweiter-faktor?callbackUrl=${encodeURIComponent(returnTo)}` : "/login/zweiter-faktor";
}

/**
 * For pages and layouts: anonymous visitors go to the sign-in page and come back afterwards;
 * a session that owes its second factor goes to the second-factor page first.
 */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const state = await sessionState();
  if (!state) redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");
  if (state.secondFactor === "pending") redirect(secondFactorPath(returnTo));
  return state.user;
}

/** For pages and layouts: the wrong role sees a 403 page. */
export async function requireRole(role: UserRole, returnTo?: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (user.role !== role) forbidden();
  return user;
}

/** For route handlers: throws AppError (401/403), which errorResponse() turns into a JSON answer. */
export async function requireApiUser(role?: UserRole): Promise<SessionUser> {
  const state = await sessionState();
  if (!state) throw new AppError("unauthorized", "Bitte melde dich an.");
  if (state.secondFactor === "pending") {
    throw new AppError("second_factor_required", "Bitte bestätige deine Anmeldung zuerst mit deinem Passkey oder einem Wiederherstellungscode.");
  }
  if (role && state.user.role !== role) throw new AppError("forbidden", "Dafür fehlt dir die Berechtigung.");
  return state.user;
}

/**
 * For server actions, the one guard they all call: a refusal is Next's unauthorized() or
 * forbidden() (experimental.authInterrupts), which Next answers with 401 or 403. An AppError
 * thrown from an action would be a 500.
 */
export async function requireActionUser(role?: UserRole): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) unauthorized();
  if (role && user.role !== role) forbidden();
  return user;
}

/** Where a user belongs after signing in. */
export function homeFor(role: UserRole): string {
  return role === "coach" ? "/coach" : "/dashboard";
}
