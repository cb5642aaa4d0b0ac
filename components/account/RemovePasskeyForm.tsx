"use client";

import { useActionState, useId } from "react";
import { Button } from "@/components/ui/Button";
import { ProblemNotice } from "@/components/ui/Notice";
import { removePasskeyAction, type RemovePasskeyState } from "@/lib/second-factor/actions";

/** Removes one passkey; the last one only after the warning was read and ticked. */
export function RemovePasskeyForm({ id, name, isLast, coach }: { id: string; name: string; isLast: boolean; coach: boolean }) {
  const [state, action, pending] = useActionState<RemovePasskeyState, FormData>(removePasskeyAction, {});
  const checkbox = useId();
  const warn = isLast || state.confirmLast;
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="id" value={id} />
      <ProblemNotice message={state.message} />
      {warn && (
        <div className="flex flex-col gap-2 rounded-xl border border-warn/40 bg-warn-soft p-4">
          <p>
            Das ist dein letzter Passkey. Ohne ihn gelten auch deine Wiederherstellungscodes nicht mehr.{" "}
            {coach
              ? "Bei der nächsten Anmeldung musst du einen neuen Passkey einrichten, und bis dahin schützt nur noch dein E-Mail-Postfach dein Konto. Füge besser zuerst einen neuen Passkey hinzu."
              : "Du meldest dich dann wieder nur mit dem Link aus der E-Mail an."}
          </p>
          <label htmlFor={checkbox} className="flex items-start gap-2">
            <input id={checkbox} type="checkbox" name="confirmLast" value="ja" required className="mt-1 size-5" />
            <span>Ich habe das gelesen und möchte den letzten Passkey trotzdem entfernen.</span>
          </label>
        </div>
      )}
      <div>
        <Button type="submit" variant="quiet" disabled={pending} aria-label={`„${name}“ entfernen`}>
          {pending ? "Wird entfernt …" : "Entfernen"}
        </Button>
      </div>
    </form>
  );
}
