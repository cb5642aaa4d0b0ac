import type { ReactNode } from "react";
import { SiteShell } from "@/components/site/SiteShell";
import { requireRole } from "@/lib/auth/guards";

export default async function CoachLayout({ children }: { children: ReactNode }) {
  await requireRole("coach", "/coach");
  return <SiteShell>{children}</SiteShell>;
}
