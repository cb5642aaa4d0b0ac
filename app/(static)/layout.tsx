import type { ReactNode } from "react";
import { SiteShell } from "@/components/site/SiteShell";
import { requirePracticeSettings } from "@/lib/settings/queries";

/**
 * Pages served from the static cache (articles): the header learns about the reader in the browser.
 * Every one of them shows the practice's settings (at least its name in the frame), so they are read
 * here without a fallback: with the database away, the render fails and the cache keeps its last
 * good copy instead of storing the fallback (lib/settings/queries.ts).
 */
export default async function ReadingLayout({ children }: { children: ReactNode }) {
  await requirePracticeSettings();
  return <SiteShell account="client">{children}</SiteShell>;
}
