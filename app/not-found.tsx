import { SiteShell } from "@/components/site/SiteShell";
import { ButtonLink } from "@/components/ui/Button";

export default function NotFound() {
  return (
    <SiteShell account="client">
      <div className="flex max-w-prose flex-col gap-4">
        <h1>Diese Seite gibt es nicht</h1>
        <p>Vielleicht hat sich die Adresse geändert. Auf der Startseite findest du alles Wichtige.</p>
        <div>
          <ButtonLink href="/">Zur Startseite</ButtonLink>
        </div>
      </div>
    </SiteShell>
  );
}
