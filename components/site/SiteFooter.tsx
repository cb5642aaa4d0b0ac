import Link from "next/link";
import { getPracticeSettings } from "@/lib/settings/queries";

export async function SiteFooter() {
  const settings = await getPracticeSettings();
  return (
    <footer className="mt-16 border-t border-line bg-surface">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-8 text-sm text-muted">
        <p>Coaching ersetzt keine ärztliche Diagnose und keine medizinische Behandlung. Lass Beschwerden bitte zuerst ärztlich abklären.</p>
        <nav aria-label="Rechtliches">
          <ul className="flex gap-5">
            <li>
              <Link href="/impressum">Impressum</Link>
            </li>
            <li>
              <Link href="/datenschutz">Datenschutz</Link>
            </li>
          </ul>
        </nav>
        <p>
          © {new Date().getFullYear()} {settings.practiceName}
        </p>
      </div>
    </footer>
  );
}
