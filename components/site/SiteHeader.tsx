import Link from "next/link";
import { currentUser } from "@/lib/auth/guards";
import { getPracticeSettings } from "@/lib/settings/queries";
import { AccountNav } from "./AccountNav";
import { AccountNavIsland } from "./AccountNavIsland";

const nav = [
  { href: "/artikel", label: "Artikel" },
  { href: "/selbsttest", label: "Selbsttest" },
  { href: "/erstgespraech", label: "Erstgespräch" },
];

/**
 * "server": the page is rendered per request and knows the user. "client": the page comes from
 * the static cache and asks for the session in the browser.
 */
export type AccountMode = "server" | "client";

export async function SiteHeader({ account }: { account: AccountMode }) {
  const settings = await getPracticeSettings();
  return (
    <header className="border-b border-line bg-surface">
      <a href="#inhalt" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:bg-surface focus:p-2">
        Zum Inhalt springen
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="font-serif text-xl font-semibold text-ink no-underline">
          {settings.practiceName}
        </Link>
        <nav aria-label="Hauptnavigation">
          <ul className="flex flex-wrap items-center gap-x-3.5 gap-y-1 text-base whitespace-nowrap sm:gap-x-5">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="text-ink no-underline hover:text-accent hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
            {account === "server" ? <AccountNav role={(await currentUser())?.role ?? null} /> : <AccountNavIsland />}
          </ul>
        </nav>
      </div>
    </header>
  );
}
