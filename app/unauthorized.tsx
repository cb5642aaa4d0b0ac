import { SiteShell } from "@/components/site/SiteShell";
import { ButtonLink } from "@/components/ui/Button";

/** What an action refused for want of a session shows (e.g. the session ended while a form was open). */
export default function Unauthorized() {
  return (
    <SiteShell account="client">
      <div className="flex max-w-prose flex-col gap-4">
        <h1>Bitte melde dich an</h1>
        <p>Deine Anmeldung ist abgelaufen oder fehlt. Melde dich neu an, dann kannst du weitermachen.</p>
        <div>
          <ButtonLink href="/login">Zur Anmeldung</ButtonLink>
        </div>
      </div>
    </SiteShell>
  );
}
