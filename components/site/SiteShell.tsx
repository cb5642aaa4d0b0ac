import type { ReactNode } from "react";
import { SiteFooter } from "./SiteFooter";
import { SiteHeader, type AccountMode } from "./SiteHeader";

/**
 * Header, main landmark and footer: the frame of every page. Boundary pages (not-found,
 * forbidden) must use account="client": React renders them eagerly with every page, so
 * reading the session there would make cached pages dynamic.
 */
export function SiteShell({
  children,
  account = "server",
  width = "max-w-5xl",
}: {
  children: ReactNode;
  account?: AccountMode;
  width?: string;
}) {
  return (
    <>
      <SiteHeader account={account} />
      <main id="inhalt" className={`mx-auto w-full flex-1 px-4 py-10 ${width}`}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
