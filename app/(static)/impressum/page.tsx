import type { Metadata } from "next";
import { Missing, OrMissing } from "@/components/site/Missing";
import { getPracticeSettings } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Impressum" };

// From the static cache, rendered on the first request and again when the practice's settings change
// (lib/settings/actions.ts) or after five minutes.
export const revalidate = 300;

export default async function ImpressumPage() {
  const s = await getPracticeSettings();
  return (
    <article className="prose-calm">
      <h1>Impressum</h1>
      <h2>Angaben gemäß § 5 DDG</h2>
      <p>
        {s.practiceName}
        <br />
        <OrMissing value={s.coachName} label="Name" />
        {s.profession && (
          <>
            <br />
            {s.profession}
          </>
        )}
        <br />
        <OrMissing value={s.street} label="Straße und Hausnummer" />
        <br />
        <OrMissing value={s.postalCode} label="PLZ" /> <OrMissing value={s.city} label="Ort" />
        <br />
        Deutschland
      </p>
      <h2>Kontakt</h2>
      <p>
        E-Mail: {s.email ? <a href={`mailto:${s.email}`}>{s.email}</a> : <Missing label="E-Mail-Adresse" />}
        {s.phone && (
          <>
            <br />
            Telefon: {s.phone}
          </>
        )}
      </p>
      {s.vatId && (
        <>
          <h2>Umsatzsteuer</h2>
          <p>Umsatzsteuer-Identifikationsnummer gemäß § 27a UStG: {s.vatId}</p>
        </>
      )}
      <h2>Verantwortlich für den Inhalt</h2>
      <p>
        <OrMissing value={s.coachName} label="Name" />, Anschrift wie oben.
      </p>
      <h2>Hinweis zum Angebot</h2>
      <p>
        Das Coaching ist keine Heilbehandlung und ersetzt keine ärztliche Diagnose oder Therapie. Körperliche Ursachen von Schmerzen sollten
        immer zuerst ärztlich abgeklärt werden.
      </p>
      <h2>Verbraucherstreitbeilegung</h2>
      <p>Ich bin nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen.</p>
    </article>
  );
}
