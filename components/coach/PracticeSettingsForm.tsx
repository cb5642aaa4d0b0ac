"use client";

import { Button } from "@/components/ui/Button";
import { Field, Select } from "@/components/ui/Field";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import { savePracticeSettingsAction } from "@/lib/settings/actions";
import type { FormState } from "@/lib/http/form-action";

export type PracticeSettingsValues = {
  practiceName: string;
  coachName: string;
  profession: string;
  street: string;
  postalCode: string;
  city: string;
  email: string;
  phone: string;
  vatId: string;
  timeZone: string;
  reminderLeadHours: number;
};

export function PracticeSettingsForm({ values, zones }: { values: PracticeSettingsValues; zones: string[] }) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(savePracticeSettingsAction, {});
  const e = (key: string) => state.fieldErrors?.[key]?.[0];
  const text = (name: keyof PracticeSettingsValues, label: string, extra: { hint?: string; type?: string; autoComplete?: string } = {}) => (
    <Field label={label} name={name} defaultValue={String(values[name])} error={e(name)} {...extra} />
  );
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-8">
      <FormNotices state={state} />
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 font-serif text-xl font-semibold">Praxis und Impressum</legend>
        {text("practiceName", "Name der Praxis", { autoComplete: "organization" })}
        {text("coachName", "Dein Name", { autoComplete: "name" })}
        {text("profession", "Berufsbezeichnung", { hint: "Steht im Impressum unter deinem Namen." })}
        {text("street", "Straße und Hausnummer", { autoComplete: "street-address" })}
        {text("postalCode", "Postleitzahl", { autoComplete: "postal-code" })}
        {text("city", "Ort", { autoComplete: "address-level2" })}
        {text("email", "E-Mail-Adresse der Praxis", { type: "email", autoComplete: "email" })}
        {text("phone", "Telefon", { type: "tel", autoComplete: "tel", hint: "Optional. Steht im Impressum und in Erinnerungen." })}
        {text("vatId", "USt-IdNr.", { hint: "Optional, z. B. DE123456789." })}
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 font-serif text-xl font-semibold">Termine</legend>
        <Select label="Zeitzone der Praxis" id="settings-timeZone" name="timeZone" defaultValue={values.timeZone} error={e("timeZone")}>
          {zones.map((z) => (
            <option key={z}>{z}</option>
          ))}
        </Select>
        <Field
          label="Erinnerung vorher (Stunden)"
          name="reminderLeadHours"
          type="number"
          inputMode="numeric"
          defaultValue={String(values.reminderLeadHours)}
          error={e("reminderLeadHours")}
          hint="So lange vor einem bestätigten Termin bekommt die Person eine Erinnerung per E-Mail. 0 = keine."
        />
        <p className="text-sm text-muted">
          Die Absagefrist gehört zu den Buchungsregeln: du stellst sie unter <a href="/coach/verfuegbarkeit">Verfügbarkeit</a> ein.
        </p>
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Wird gespeichert …" : "Einstellungen speichern"}
        </Button>
      </div>
    </form>
  );
}
