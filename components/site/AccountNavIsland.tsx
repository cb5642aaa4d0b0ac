"use client";

import { useEffect, useState } from "react";
import type { UserRole } from "@/db/schema";
import { AccountNav } from "./AccountNav";

/**
 * For pages served from the static cache, which cannot know who is reading: asks the session
 * endpoint after load. Shows "Anmelden" until it knows better.
 */
export function AccountNavIsland() {
  const [role, setRole] = useState<UserRole | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/auth/session", { signal: controller.signal, cache: "no-store" })
      .then((response) => (response.ok ? response.json() : null))
      .then((session: { user?: { role?: UserRole } } | null) => setRole(session?.user?.role ?? null))
      .catch(() => {});
    return () => controller.abort();
  }, []);
  return <AccountNav role={role} />;
}
