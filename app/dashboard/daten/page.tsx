import type { Metadata } from "next";
import { DeleteAccountForm } from "@/components/clients/DeleteAccountForm";
import { KeptAfterDeletion } from "@/components/privacy/KeptAfterDeletion";
import { Card } from "@/components/ui/Card";
import { requireRole } from "@/lib/auth/guards";
import { consentsFor, viewsOf } from "@/lib/clients/my-data";
import { getPracticeSettings } from "@/lib/settings/queries";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Meine Daten", robots: { index: false } };

export default async function MyDataPage() {
  const user = await requireRole("client", "/dashboard/daten");
  const [consents, views, practice] = await Promise.all([consentsFor(user.id, user.email ?? ""), viewsOf(user.id), getPracticeSettings()]);
  const { timeZone } = practice;
  const coachName = practice.coachName || "deine Begleitung in der Praxis";
  return (
    <div className="flex flex-col gap-8">
      <h1>Meine Daten</h1>
      <p className="max-w-prose text-muted">
        Was du hier einträgst, gehört dir. Du kannst alles herunterladen und dein Konto jederzeit löschen.
      </p>
      <Card aria-labelledby="export">
        <h2 id="export" className="mb-3 text-xl">
          Herunterladen
        </h2>
        <ul className="flex flex-col gap-2">
          <li>
            <a href="/dashboard/daten/export.json" download>
              Alle Daten als JSON
            </a>{" "}
            <span className="text-muted">(Profil, Tagebuch, Selbsttests, Check-ins, Übungen, Beobachtungen, Termine, Einwilligungen)</span>
          </li>
          <li>
            <a href="/dashboard/daten/tagebuch.csv" download>
              Tagebuch als CSV
            </a>{" "}
            <span className="text-muted">(für Tabellenprogramme)</span>
          </li>
          <li>
            <a href="/dashboard/daten/uebungen.csv" download>
              Übungen als CSV
            </a>{" "}
            <span className="text-muted">(mit den Rückmeldungen deiner Coach)</span>
          </li>
          <li>
            <a href="/dashboard/daten/fortschritt.csv" download>
              Check-ins als CSV
            </a>
          </li>
        </ul>
      </Card>
      <Card aria-labelledby="einwilligungen">
        <h2 id="einwilligungen" className="mb-3 text-xl">
          Deine Einwilligungen
        </h2>
        {consents.length === 0 ? (
          <p className="text-muted">Keine gespeicherten Einwilligungen.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {consents.map((c, i) => (
              <li key={i}>
                {c.what}, Fassung {c.version}, am {c.givenAt ? formatDateTime(c.givenAt, timeZone) : "–"}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="einsicht">
        <h2 id="einsicht" className="mb-3 text-xl">
          Wann deine Gesundheitsdaten angesehen wurden
        </h2>
        {views.length === 0 ? (
          <p className="text-muted">Bisher hat niemand außer dir deine Einträge angesehen.</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {views.map((v) => (
              <li key={v.id}>
                {formatDateTime(v.viewedAt, timeZone)}: {v.viewerName} hat {v.what} angesehen
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="loeschen" className="border-danger/40">
        <h2 id="loeschen" className="mb-3 text-xl">
          Konto löschen
        </h2>
        <div className="mb-4 flex max-w-prose flex-col gap-3">
          <p>
            Gelöscht wird alles auf einmal und endgültig: dein Konto, dein Tagebuch, deine Selbsttests, deine Termine mit allem, was{" "}
            {coachName} dazu notiert hat, deine Einwilligungen, das Protokoll oben und jede E-Mail an dich oder über dich, auch im
            Versandprotokoll der Praxis. Anstehende Termine werden abgesagt: Du und {coachName} bekommt dazu eine E-Mail, die danach
            ebenfalls gelöscht wird.
          </p>
          <KeptAfterDeletion coachName={coachName} />
          <p>Das lässt sich nicht rückgängig machen; lade deine Daten vorher herunter, wenn du sie behalten möchtest.</p>
        </div>
        <DeleteAccountForm />
      </Card>
    </div>
  );
}
