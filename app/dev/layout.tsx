import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteShell } from "@/components/site/SiteShell";
import { devMailboxEnabled } from "@/lib/env";

/**
 * Whether the mailbox is on is read when the page is asked for, not when it is built: a build made
 * without DEV_MAILBOX would otherwise bake a 404 into the page that `npm start` with it then serves.
 */
export default async function DevLayout({ children }: { children: ReactNode }) {
  await connection();
  if (!devMailboxEnabled()) notFound();
  return <SiteShell>{children}</SiteShell>;
}
