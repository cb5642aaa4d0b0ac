"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { UserRole } from "@/db/schema";

let asked: { path: string; role: Promise<UserRole | null> } | null = null;

/**
 * The session's role, asked once per page shown: the header and a form on the same page share one
 * request, and every navigation asks again (signing in or out navigates without a reload).
 */
function askSession(path: string): Promise<UserRole | null> {
  if (asked?.path !== path) {
    const role = fetch("/api/auth/session", { cache: "no-store" })
      .then((response) => (response.ok ? response.json() : null))
      .then((session: { user?: { role?: UserRole } } | null) => session?.user?.role ?? null)
      .catch(() => null);
    asked = { path, role };
  }
  return asked.role;
}

/**
 * For pages served from the static cache, which cannot know who is reading: the role once the
 * session endpoint has answered, `undefined` until then, `null` for a visitor.
 */
export function useSessionRole(): UserRole | null | undefined {
  const path = usePathname();
  const [role, setRole] = useState<{ path: string; role: UserRole | null } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void askSession(path).then((r) => live && setRole({ path, role: r }));
    return () => {
      live = false;
    };
  }, [path]);
  return role?.path === path ? role.role : undefined;
}
