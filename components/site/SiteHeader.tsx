import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";
import { currentUser, homeFor } from "@/lib/auth/guards";
import { getPracticeSettings } from "@/lib/settings/queries";

const nav = [
  { href: "/artikel", label: "Artikel" },
  { href: "/selbsttest", label: "Selbsttest" },
  { href: "/erstgespraech", label: "Erstgespräch" },
];

export async function SiteHeader() {
  const [settings, user] = await Promise.all([getPracticeSettings(), currentUser()]);
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
          <ul className="flex flex-wrap items-center gap-x-5 gap-y-1 text-base">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="text-ink no-underline hover:text-accent hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
            {user ? (
              <>
                <li>
                  <Link href={homeFor(user.role)} className="font-medium no-underline hover:underline">
                    {user.role === "coach" ? "Praxis" : "Dashboard"}
                  </Link>
                </li>
                <li>
                  <form action={signOutAction}>
                    <button type="submit" className="cursor-pointer text-muted hover:text-ink hover:underline">
                      Abmelden
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <li>
                <Link href="/login" className="font-medium no-underline hover:underline">
                  Anmelden
                </Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
