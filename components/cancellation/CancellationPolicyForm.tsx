"use client";

import { Button } from "@/components/ui/Button";
import { Field, TextArea } from "@/components/ui/Field";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import { savePolicyAction } from "@/lib/cancellation-policy/actions";
import type { FormState } from "@/lib/http/form-action";

export type PolicyValues = { text: string; hoursBefore: number; latePercent: number; noShowPercent: number };

const example: PolicyValues = {
  text: "Bitte sag einen Termin spätestens 24 Stunden vorher ab. Absagen, die später kommen, berechne ich mit 50 % des Honorars, einen nicht wahrgenommenen Termin mit 100 %.",
  hoursBefore: 24,
  latePercent: 50,
  noShowPercent: 100,
};

/** The coach's "Absageregel": what clients read and accept, and the numbers a fee follows. */
export function CancellationPolicyForm({ values, since }: { values: PolicyValues | null; since: string | null }) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(savePolicyAction, {});
  const e = (key: string) => state.fieldErrors?.[key]?.[0];
  const v = values ?? example;
  return (
    <section aria-labelledby="absageregel" className="flex flex-col gap-4">
      <h2 id="absageregel">Absageregel</h2>
      <p className="text-muted">
        Ein Ausfallhonorar gibt es nur, wenn die Person dieser Regel vorher zugestimmt hat. Sie sieht die Regel auf ihrer Übersicht und
        stimmt dort zu. Änderst du die Regel, ist das eine neue Fassung: Alle stimmen ihr dann erneut zu, bis dahin gilt die Fassung, der
        sie zugestimmt haben. Berechnet wird nie automatisch, immer nur mit deinem Klick bei der Sitzung.
      </p>
      <p>{since ? `Aktuelle Fassung seit ${since}.` : "Noch keine Absageregel gespeichert: Ausfallhonorare sind aus."}</p>
      <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-3">
        <div className="md:col-span-3">
          <FormNotices state={state} />
        </div>
        <TextArea
          label="Text der Absageregel"
          name="text"
          rows={4}
          maxLength={4000}
          defaultValue={v.text}
          error={e("text")}
          hint="So lesen es deine Klient*innen. Nenne Frist und Prozente so, wie du sie unten einträgst."
          className="md:col-span-3"
        />
        <Field
          label="Frist (Stunden vorher)"
          name="hoursBefore"
          type="number"
          inputMode="numeric"
          defaultValue={String(v.hoursBefore)}
          error={e("hoursBefore")}
          hint="Später abgesagt gilt als kurzfristig. 1 bis 336."
        />
        <Field
          label="Bei später Absage (%)"
          name="latePercent"
          type="number"
          inputMode="numeric"
          defaultValue={String(v.latePercent)}
          error={e("latePercent")}
          hint="Vom Preis der Sitzung. 0 heißt: nichts."
        />
        <Field
          label="Bei Nichterscheinen (%)"
          name="noShowPercent"
          type="number"
          inputMode="numeric"
          defaultValue={String(v.noShowPercent)}
          error={e("noShowPercent")}
          hint="Vom Preis der Sitzung. 0 heißt: nichts."
        />
        <div className="md:col-span-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Wird gespeichert …" : "Absageregel speichern"}
          </Button>
        </div>
      </form>
    </section>
  );
}
