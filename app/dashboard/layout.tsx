import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { SiteShell } from "@/components/site/SiteShell";
import { homeFor, requireUser } from "@/lib/auth/guards";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/dashboard");
  // The coach has a portal of their own; a client dashboard would be empty for them.
  if (user.role !== "client") redirect(homeFor(user.role));
  return <SiteShell>{children}</SiteShell>;
}
