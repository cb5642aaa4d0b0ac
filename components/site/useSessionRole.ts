"use client";

import { useEffect, useState } from "react";
import type { UserRole } from "@/db/schema";

let asked: Promise<UserRole | null> | null = null;

/** The session's role, asked once per page load (the header and a form on the page share the answer). */
function askSession(): Promise<UserRole | null> {
  asked ??= fetch("/api/auth/session", { cache: "no-store" })
    .then((response) => (response.ok ? response.json() : null))
    .then((session: { user?: { role?: UserRole } } | null) => session?.user?.role ?? null)
    .catch(() => null);
  return asked;
}

/**
 * For pages served from the static cache, which cannot know who is reading: the role once the
 * session endpoint has answered, `undefined` until then, `null` for a visitor.
 */
export function useSessionRole(): UserRole | null | undefined {
  const [role, setRole] = useState<UserRole | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void askSession().then((r) => live && setRole(r));
    return () => {
      live = false;
    };
  }, []);
  return role;
}
