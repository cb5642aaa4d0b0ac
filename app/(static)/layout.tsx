import type { ReactNode } from "react";
import { SiteShell } from "@/components/site/SiteShell";

/** Pages served from the static cache (articles): the header learns about the reader in the browser. */
export default function ReadingLayout({ children }: { children: ReactNode }) {
  return <SiteShell account="client">{children}</SiteShell>;
}
