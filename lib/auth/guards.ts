import { forbidden, redirect } from "next/navigation";
import type { Session } from "next-auth";
import { cache } from "react";
import type { UserRole } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { auth } from "./index";

export type SessionUser = Session["user"];

/** The signed-in user, read once per request however many components ask. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  return session?.user?.id ? session.user : null;
});

/** For pages and layouts: anonymous visitors go to the sign-in page and come back afterwards. */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");
  return user;
}

/** For pages and layouts: the wrong role sees a 403 page. */
export async function requireRole(role: UserRole, returnTo?: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (user.role !== role) forbidden();
  return user;
}

/** For route handlers and server actions: throws AppError (401/403) instead of redirecting. */
export async function requireApiUser(role?: UserRole): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "Bitte melde dich an.");
  if (role && user.role !== role) throw new AppError("forbidden", "Dafür fehlt dir die Berechtigung.");
  return user;
}

/** Where a user belongs after signing in. */
export function homeFor(role: UserRole): string {
  return role === "coach" ? "/coach" : "/dashboard";
}
