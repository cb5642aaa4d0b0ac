import type { Metadata } from "next";
import { BookingWidget } from "@/components/booking/BookingWidget";
import { loadBookingSettings } from "@/lib/booking/availability";
import { CONSENT_TEXT } from "@/lib/booking/schemas";

export const metadata: Metadata = {
  title: "Kostenloses Erstgespräch",
  description: "Buche ein kostenloses, unverbindliches Erstgespräch per Video oder Telefon.",
  alternates: { canonical: "/erstgespraech" },
};

// From the static cache, rendered on the first request and again when the booking settings change
// (lib/booking/coach-actions.ts) or after five minutes; the free slots come from /api/slots.
export const revalidate = 300;

export default async function ConsultationPage() {
  const settings = await loadBookingSettings();
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <header className="flex flex-col gap-4">
        <h1>Kostenloses Erstgespräch</h1>
        <p className="text-xl text-muted">
          {settings.durationMinutes} Minuten, per Video oder Telefon. Wir lernen uns kennen, du erzählst von deinem Schmerz, und wir schauen
          gemeinsam, ob meine Begleitung zu dir passt. Unverbindlich und ohne Verkaufsgespräch.
        </p>
        <ul className="flex list-disc flex-col gap-1 pl-6">
          <li>Du brauchst nichts vorzubereiten.</li>
          <li>Nach der Buchung bekommst du eine E-Mail. Mit einem Klick bestätigst du den Termin.</li>
          <li>Verschieben oder absagen kannst du bis {Math.round(settings.cancellationCutoffMinutes / 60)} Stunden vorher selbst.</li>
        </ul>
      </header>
      <BookingWidget practiceTimeZone={settings.timeZone} horizonDays={settings.horizonDays} consentText={CONSENT_TEXT} />
      <p className="text-sm text-muted">
        Das Erstgespräch ersetzt keine ärztliche Untersuchung. Bei akuten Beschwerden wende dich bitte an deine Ärztin oder deinen Arzt.
      </p>
    </div>
  );
}
