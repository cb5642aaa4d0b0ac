"use client";

import { ActionForm } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { addCaldavConnectionAction } from "@/lib/calendars/actions";

/** Connects a CalDAV account; the server is asked at once, so a wrong password is said here. */
export function CaldavConnectionForm() {
  return (
    <ActionForm action={addCaldavConnectionAction} className="flex flex-col gap-4">
      {({ pending, error }) => (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 font-semibold">CalDAV-Konto verbinden (iCloud, Nextcloud, mailbox.org, posteo, Fastmail)</legend>
          <Field label="Name" name="label" maxLength={80} placeholder="z. B. iCloud" error={error("label")} />
          <Field
            label="Server-Adresse"
            name="serverUrl"
            type="url"
            inputMode="url"
            maxLength={2000}
            placeholder="https://caldav.icloud.com"
            hint="iCloud: https://caldav.icloud.com · Nextcloud: https://deine-cloud.de/remote.php/dav · mailbox.org: https://dav.mailbox.org · posteo: https://posteo.de:8443 · Fastmail: https://caldav.fastmail.com"
            error={error("serverUrl")}
          />
          <Field
            label="Benutzername"
            name="username"
            autoComplete="off"
            maxLength={200}
            hint="Meist deine E-Mail-Adresse (bei iCloud die Apple-ID)."
            error={error("username")}
          />
          <Field
            label="App-Passwort"
            name="password"
            type="password"
            autoComplete="new-password"
            maxLength={200}
            hint="Nicht dein normales Passwort: Erzeuge beim Anbieter ein eigenes App-Passwort (bei iCloud unter appleid.apple.com → Anmeldung und Sicherheit → App-spezifische Passwörter). Es wird verschlüsselt gespeichert."
            error={error("password")}
          />
          <div>
            <Button type="submit" disabled={pending}>
              {pending ? "Wird verbunden …" : "Konto verbinden"}
            </Button>
          </div>
        </fieldset>
      )}
    </ActionForm>
  );
}
