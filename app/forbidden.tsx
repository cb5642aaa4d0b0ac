import { SiteShell } from "@/components/site/SiteShell";
import { ButtonLink } from "@/components/ui/Button";

export default function Forbidden() {
  return (
    <SiteShell account="client">
      <div className="flex max-w-prose flex-col gap-4">
        <h1>Kein Zugriff</h1>
        <p>Dieser Bereich ist für dein Konto nicht freigegeben. Falls du glaubst, dass das ein Fehler ist, melde dich gern bei mir.</p>
        <div>
          <ButtonLink href="/">Zur Startseite</ButtonLink>
        </div>
      </div>
    </SiteShell>
  );
}
