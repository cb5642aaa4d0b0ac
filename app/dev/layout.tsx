import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { SiteShell } from "@/components/site/SiteShell";
import { devMailboxEnabled } from "@/lib/env";

export default function DevLayout({ children }: { children: ReactNode }) {
  if (!devMailboxEnabled()) notFound();
  return <SiteShell>{children}</SiteShell>;
}
