"use client";

import { AccountNav } from "./AccountNav";
import { useSessionRole } from "./useSessionRole";

/**
 * For pages served from the static cache, which cannot know who is reading: asks the session
 * endpoint after load. Shows "Anmelden" until it knows better.
 */
export function AccountNavIsland() {
  return <AccountNav role={useSessionRole() ?? null} />;
}
