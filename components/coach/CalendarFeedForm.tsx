"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { Notice, ProblemNotice } from "@/components/ui/Notice";
import { renewCalendarFeedAction, type CalendarFeedState } from "@/lib/settings/actions";

/** Creates or renews the calendar subscription URL and shows it once: only its hash is stored. */
export function CalendarFeedForm({ exists }: { exists: boolean }) {
  const [state, action, pending] = useActionState<CalendarFeedState, FormData>(renewCalendarFeedAction, {});
  return (
    <div className="flex flex-col gap-4">
      {state.url ? (
        <Notice tone="success" role="status" title="Deine Kalender-Adresse">
          <p className="mb-2">
            Kopiere sie jetzt und füge sie in deiner Kalender-App als Abo hinzu (z. B. „Kalenderabonnement hinzufügen“). Sie wird nur dieses
            eine Mal angezeigt; wer sie kennt, sieht deine Termine. Halte sie geheim.
          </p>
          <label htmlFor="calendar-feed-url" className="font-medium">
            Abo-Adresse
          </label>
          <input
            id="calendar-feed-url"
            readOnly
            value={state.url}
            onFocus={(event) => event.currentTarget.select()}
            className="mt-1 min-h-11 w-full rounded-lg border border-line bg-surface px-3 font-mono text-sm"
          />
        </Notice>
      ) : (
        <p className="text-muted">
          {exists
            ? "Es gibt schon eine Abo-Adresse. Aus Sicherheitsgründen kann sie nicht noch einmal angezeigt werden. Wenn du sie verloren hast oder jemand sie kennt, erzeuge eine neue: Die alte funktioniert dann nicht mehr."
            : "Mit einer geheimen Abo-Adresse zeigt deine Kalender-App (Apple, Google, Outlook) alle Erstgespräche und Sitzungen an."}
        </p>
      )}
      <ProblemNotice message={state.message} />
      <form action={action}>
        <Button type="submit" variant={exists || state.url ? "secondary" : "primary"} disabled={pending}>
          {pending ? "Wird erzeugt …" : exists || state.url ? "Neue Abo-Adresse erzeugen" : "Abo-Adresse erzeugen"}
        </Button>
      </form>
    </div>
  );
}
