"use client";

import { useState } from "react";
import { ActionForm } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { saveBillingSettingsAction } from "@/lib/billing/coach-actions";

export type BillingSettingsValues = {
  taxMode: "small_business" | "vat" | "exempt";
  exemptionNote: string;
  taxNumber: string;
  iban: string;
  bic: string;
  accountHolder: string;
  paymentTermDays: number;
  paymentReminderDays: number;
};

const modes = [
  {
    value: "small_business",
    label: "Kleinunternehmer*in (§ 19 UStG)",
    text: "Du berechnest keine Umsatzsteuer; jede Rechnung sagt das mit dem gesetzlichen Satz. Gilt bis 25.000 € Umsatz im Vorjahr.",
  },
  { value: "vat", label: "Mit Umsatzsteuer (19 %)", text: "Deine Preise sind brutto; die Rechnung weist 19 % Umsatzsteuer darin aus." },
  {
    value: "exempt",
    label: "Umsatzsteuerfrei",
    text: "Deine Leistung ist von der Umsatzsteuer befreit (etwa als Heilpraktiker*in). Die Rechnung nennt den Grund.",
  },
] as const;

/** The "Rechnungen" section of the settings: tax mode, tax number, bank account, payment terms. */
export function BillingSettingsForm({ values }: { values: BillingSettingsValues }) {
  const [mode, setMode] = useState(values.taxMode);
  return (
    <section aria-labelledby="rechnungen" className="flex flex-col gap-4">
      <h2 id="rechnungen">Rechnungen</h2>
      <p className="text-muted">
        Was auf jeder Rechnung steht. Name und Anschrift der Praxis sowie die USt-IdNr. kommen aus „Praxis und Impressum“ oben.
      </p>
      <ActionForm action={saveBillingSettingsAction} className="flex flex-col gap-6">
        {({ pending, error }) => (
          <>
            <fieldset className="flex flex-col gap-3">
              <legend className="mb-2 font-semibold">Umsatzsteuer</legend>
              {modes.map((m) => (
                <label key={m.value} className="flex gap-3 rounded-xl border border-line bg-surface p-3">
                  <input
                    type="radio"
                    name="taxMode"
                    value={m.value}
                    defaultChecked={values.taxMode === m.value}
                    onChange={() => setMode(m.value)}
                    className="mt-1 size-5"
                  />
                  <span className="flex flex-col">
                    <span className="font-medium">{m.label}</span>
                    <span className="text-sm text-muted">{m.text}</span>
                  </span>
                </label>
              ))}
              {error("taxMode") && <p className="text-sm text-danger">{error("taxMode")}</p>}
              {mode === "exempt" ? (
                <Field
                  label="Hinweis zur Steuerbefreiung"
                  name="exemptionNote"
                  defaultValue={values.exemptionNote}
                  error={error("exemptionNote")}
                  hint="Steht auf jeder Rechnung, z. B. „Umsatzsteuerfrei gemäß § 4 Nr. 14 UStG“."
                />
              ) : (
                <input type="hidden" name="exemptionNote" value={values.exemptionNote} />
              )}
            </fieldset>
            <fieldset className="grid gap-4 md:grid-cols-2">
              <legend className="mb-2 font-semibold">Steuernummer und Bankverbindung</legend>
              <Field
                label="Steuernummer"
                name="taxNumber"
                defaultValue={values.taxNumber}
                error={error("taxNumber")}
                hint="Vom Finanzamt, z. B. 12/345/67890. Ohne Steuernummer braucht die Rechnung die USt-IdNr."
              />
              <Field
                label="IBAN"
                name="iban"
                defaultValue={values.iban}
                error={error("iban")}
                autoComplete="off"
                hint="z. B. DE89 3704 0044 0532 0130 00"
              />
              <Field label="BIC" name="bic" defaultValue={values.bic} error={error("bic")} autoComplete="off" hint="Optional." />
              <Field label="Kontoinhaber*in" name="accountHolder" defaultValue={values.accountHolder} error={error("accountHolder")} />
            </fieldset>
            <fieldset className="grid gap-4 md:grid-cols-2">
              <legend className="mb-2 font-semibold">Zahlung</legend>
              <Field
                label="Zahlungsziel (Tage)"
                name="paymentTermDays"
                type="number"
                inputMode="numeric"
                defaultValue={String(values.paymentTermDays)}
                error={error("paymentTermDays")}
                hint="So viele Tage nach dem Rechnungsdatum ist sie fällig."
              />
              <Field
                label="Freundliche Erinnerung nach (Tagen)"
                name="paymentReminderDays"
                type="number"
                inputMode="numeric"
                defaultValue={String(values.paymentReminderDays)}
                error={error("paymentReminderDays")}
                hint="Tage nach der Fälligkeit. 0 = keine Erinnerung."
              />
            </fieldset>
            <div>
              <Button type="submit" disabled={pending}>
                {pending ? "Wird gespeichert …" : "Rechnungsangaben speichern"}
              </Button>
            </div>
          </>
        )}
      </ActionForm>
    </section>
  );
}
