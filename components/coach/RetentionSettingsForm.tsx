"use client";

import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import { saveRetentionSettingsAction } from "@/lib/settings/actions";
import type { FormState } from "@/lib/http/form-action";

export type RetentionSettingsValues = {
  sentEmailRetentionDays: number;
  openRequestRetentionDays: number;
  pastConsultationRetentionMonths: number;
};

/** How long the platform keeps what has served its purpose; /datenschutz states these periods. */
export function RetentionSettingsForm({ values }: { values: RetentionSettingsValues }) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(saveRetentionSettingsAction, {});
  const e = (key: string) => state.fieldErrors?.[key]?.[0];
  const number = (name: keyof RetentionSettingsValues, label: string, hint: string) => (
    <Field label={label} name={name} type="number" inputMode="numeric" defaultValue={String(values[name])} error={e(name)} hint={hint} />
  );
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <FormNotices state={state} />
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 font-serif text-xl font-semibold">Aufbewahrung</legend>
        <p className="text-muted md:col-span-3">
          Einmal am Tag löscht die Plattform, was seinen Zweck erfüllt hat. Die Datenschutzerklärung nennt diese Fristen. Anmeldelinks
          verschwinden, sobald sie abgelaufen sind, Zähler gegen Missbrauch nach ihrem Zeitfenster.
        </p>
        {number(
          "sentEmailRetentionDays",
          "Inhalt gesendeter E-Mails (Tage)",
          "Danach bleiben im E-Mail-Protokoll nur Empfänger*in, Betreff und Zeitpunkt. 1 bis 365.",
        )}
        {number(
          "openRequestRetentionDays",
          "Unbestätigte und abgesagte Anfragen (Tage)",
          "Erstgespräche von Menschen, die nicht Klient*in geworden sind. 1 bis 365.",
        )}
        {number(
          "pastConsultationRetentionMonths",
          "Erstgespräche ohne Coaching (Monate)",
          "Gezählt ab dem Termin, wenn daraus keine Zusammenarbeit wurde. 1 bis 120.",
        )}
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Wird gespeichert …" : "Fristen speichern"}
        </Button>
      </div>
    </form>
  );
}
