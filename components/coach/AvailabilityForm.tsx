"use client";

import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import { saveAvailabilityAction } from "@/lib/booking/coach-actions";
import type { FormState } from "@/lib/http/form-action";

const weekdays = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];

export type AvailabilityValues = {
  weekly: Record<string, string>;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeHours: number;
  horizonDays: number;
  maxPerDay: number | null;
  slotIntervalMinutes: number;
  cancellationCutoffHours: number;
  confirmWindowMinutes: number;
  maxPendingPerClient: number;
  confirmationEmailsPerDay: number;
};

export function AvailabilityForm({ values, timeZone }: { values: AvailabilityValues; timeZone: string }) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(saveAvailabilityAction, {});
  const e = (key: string) => state.fieldErrors?.[key]?.[0];
  const number = (name: keyof AvailabilityValues, label: string, hint?: string) => (
    <Field
      label={label}
      name={name}
      type="number"
      inputMode="numeric"
      defaultValue={String(values[name] ?? "")}
      error={e(name)}
      hint={hint}
    />
  );
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-8">
      <FormNotices state={state} />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 font-serif text-xl font-semibold">Wöchentliche Zeiten</legend>
        <p className="text-sm text-muted">
          Mehrere Zeiträume mit Komma trennen, z. B. 09:00-12:00, 14:00-17:00. Leer = an diesem Tag keine Termine.
        </p>
        <div className="grid gap-4 md:grid-cols-2">
          {weekdays.map((day, i) => (
            <Field
              key={day}
              label={day}
              name={`weekly.${i + 1}`}
              defaultValue={values.weekly[String(i + 1)] ?? ""}
              error={e(`weekly.${i + 1}`)}
              placeholder="geschlossen"
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 font-serif text-xl font-semibold">Erstgespräch</legend>
        {number("durationMinutes", "Dauer (Minuten)")}
        {number("slotIntervalMinutes", "Raster der Startzeiten (Minuten)")}
        {number("bufferBeforeMinutes", "Puffer davor (Minuten)")}
        {number("bufferAfterMinutes", "Puffer danach (Minuten)")}
        {number("minimumNoticeHours", "Vorlauf (Stunden)", "So lange vorher muss spätestens gebucht werden.")}
        {number("horizonDays", "Buchbar im Voraus (Tage)")}
        <Field
          label="Höchstens pro Tag"
          name="maxPerDay"
          type="number"
          inputMode="numeric"
          defaultValue={values.maxPerDay === null ? "" : String(values.maxPerDay)}
          error={e("maxPerDay")}
          hint="Leer = keine Grenze."
        />
        {number("cancellationCutoffHours", "Absagefrist (Stunden)", "Bis so lange vorher können Gäste selbst verschieben oder absagen.")}
        {number("confirmWindowMinutes", "Bestätigungsfrist (Minuten)", "So lange hält eine unbestätigte Buchung ihren Termin.")}
        {number(
          "maxPendingPerClient",
          "Unbestätigte Buchungen je Anschluss",
          "So viele unbestätigte Buchungen darf ein Internetanschluss gleichzeitig halten.",
        )}
        {number(
          "confirmationEmailsPerDay",
          "Bestätigungs-E-Mails je Adresse und Tag",
          "Danach bekommt diese Adresse 24 Stunden lang keine Bitte um Bestätigung mehr.",
        )}
        <p className="text-sm text-muted">
          Alle Zeiten gelten in der Zeitzone der Praxis, {timeZone}. Du änderst sie unter <a href="/coach/einstellungen">Einstellungen</a>.
        </p>
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Wird gespeichert …" : "Speichern"}
        </Button>
      </div>
    </form>
  );
}
