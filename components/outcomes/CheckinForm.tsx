"use client";

import { Button } from "@/components/ui/Button";
import { FormNotices } from "@/components/ui/FormNotices";
import { Notice } from "@/components/ui/Notice";
import { useKeptForm } from "@/components/ui/useKeptForm";
import { submitCheckinAction, type CheckinState } from "@/lib/outcomes/actions";
import { phq4, phq4Intro, scaleItems } from "@/lib/outcomes/instruments";
import { Scale } from "@/components/ui/Scale";

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="text-sm text-danger">
      {error}
    </p>
  ) : null;
}

/**
 * The outcome check-in: four 0–10 taps and four PHQ-4 answers, one screen on a phone. After a
 * save the page below shows the result; an elevated PHQ-4 adds a gentle word about the family doctor.
 * `folded` (this week's check-in is done) keeps the form behind a summary. The page renders this
 * component in one place either way, so its answer survives the page's refresh after the save.
 */
export function CheckinForm({ title, intro, folded }: { title: string; intro: string; folded: boolean }) {
  const [state, onSubmit, pending] = useKeptForm<CheckinState>(submitCheckinAction, {});
  const error = (key: string) => state.fieldErrors?.[key]?.[0];
  if (state.ok) {
    return (
      <div className="flex flex-col gap-3">
        <FormNotices state={state} />
        {state.elevated && (
          <Notice title="Ein Gedanke zu deinen Antworten">
            Deine Antworten zu Stimmung und Sorgen sprechen dafür, dass die letzten Wochen dich belastet haben. Das ist nichts, wofür du
            dich schämen musst. Magst du bei Gelegenheit mit deiner Hausärztin oder deinem Hausarzt darüber sprechen? Deine Coachin sieht
            deinen Check-in und kann es in eurer nächsten Sitzung ansprechen, wenn du magst.
          </Notice>
        )}
        <p>
          <a href="#ergebnis">Zu deinem Verlauf</a>
        </p>
      </div>
    );
  }
  const form = (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6" aria-label={title}>
      <FormNotices state={state} />
      {scaleItems.map((item) => (
        <Scale key={item.name} name={item.name} label={item.label} low={item.low} high={item.high} error={error(item.name)} />
      ))}
      <section aria-labelledby="phq-titel" className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-4">
        <h3 id="phq-titel" className="font-sans text-base font-semibold">
          Stimmung und Sorgen
        </h3>
        <p className="text-sm text-muted">{phq4Intro}</p>
        <p className="font-medium">{phq4.stem}</p>
        {phq4.items.map((item, i) => (
          <fieldset key={item.name} className="flex flex-col gap-2" aria-describedby={error(item.name) ? `${item.name}-error` : undefined}>
            <legend className="mb-1">
              {i + 1}. {item.text}
            </legend>
            <div className="grid grid-cols-2 gap-1.5 sm:grid-cols-4">
              {phq4.answers.map((answer, value) => (
                <label key={answer} className="relative">
                  <input type="radio" name={item.name} value={value} className="peer sr-only" />
                  <span className="flex min-h-11 cursor-pointer items-center justify-center rounded-lg border border-line bg-paper px-2 py-1 text-center text-sm peer-checked:border-accent peer-checked:bg-accent peer-checked:text-white peer-focus-visible:outline-3 peer-focus-visible:outline-accent">
                    {answer}
                  </span>
                </label>
              ))}
            </div>
            <ErrorText id={`${item.name}-error`} error={error(item.name)} />
          </fieldset>
        ))}
        <p className="text-xs text-muted">
          PHQ-4 (Kroenke, Spitzer, Williams, Löwe 2009), deutsche Fassung PHQ-D (Löwe, Spitzer, Zipfel, Herzog).
        </p>
      </section>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Wird gespeichert …" : "Check-in speichern"}
        </Button>
      </div>
    </form>
  );
  if (folded) {
    return (
      <div className="flex flex-col gap-3">
        <p>Diese Woche hast du deinen Check-in schon gemacht. Danke!</p>
        <details>
          <summary>Trotzdem noch einen Check-in machen</summary>
          <div className="mt-4">{form}</div>
        </details>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted">{intro}</p>
      {form}
    </div>
  );
}
