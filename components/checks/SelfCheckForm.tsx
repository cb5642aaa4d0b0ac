"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button, ButtonLink } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import {
  bandText,
  redFlags,
  scoreSelfCheck,
  signs,
  type RedFlagId,
  type SelfCheckAnswers,
  type SelfCheckResult,
  type SignId,
} from "@/lib/checks/self-check";
import { forgetResult, rememberResult } from "@/lib/checks/browser-result";

type SaveResult = { ok: boolean; message?: string };
type SaveState = { status: "idle" } | { status: "saving" } | { status: "done"; ok: boolean; message: string };
type Missing = { signs: Set<SignId>; redFlags: Set<RedFlagId> };

const EMPTY_ANSWERS: SelfCheckAnswers = { signs: {}, redFlags: {} };
const MISSING_TEXT = "Bitte wähle „Ja“ oder „Nein“.";
const SAVED_TEXT = "Dein Ergebnis ist in deinem Bereich gespeichert.";
const SAVE_FAILED_TEXT = "Dein Ergebnis konnte gerade nicht gespeichert werden. Bitte versuch es später noch einmal.";

function findMissing(answers: SelfCheckAnswers): Missing {
  return {
    signs: new Set(signs.filter((s) => answers.signs[s.id] === undefined).map((s) => s.id)),
    redFlags: new Set(redFlags.filter((f) => answers.redFlags[f.id] === undefined).map((f) => f.id)),
  };
}

/** One question as a fieldset with two large "Ja"/"Nein" radio buttons (native radios: arrow keys work). */
function YesNo({
  name,
  question,
  hint,
  value,
  missing,
  onChange,
}: {
  name: string;
  question: string;
  hint?: string;
  value: boolean | undefined;
  missing: boolean;
  onChange: (value: boolean) => void;
}) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = missing ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const options = [
    { label: "Ja", value: true },
    { label: "Nein", value: false },
  ] as const;
  return (
    <fieldset
      id={name}
      aria-describedby={describedBy}
      className={`rounded-xl border bg-surface p-4 ${missing ? "border-danger" : "border-line"}`}
    >
      <legend className="float-left w-full font-medium text-ink">{question}</legend>
      {hint && (
        <p id={hintId} className="clear-left pt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      <div className="clear-left flex flex-wrap gap-3 pt-3">
        {options.map((option) => (
          <label
            key={option.label}
            className="flex min-h-11 min-w-28 cursor-pointer items-center gap-3 rounded-lg border border-line bg-paper px-4 py-2 text-base font-medium has-checked:border-accent has-checked:bg-accent-soft has-checked:text-accent-strong"
          >
            <input
              type="radio"
              name={name}
              value={option.value ? "ja" : "nein"}
              required
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              className="size-5 shrink-0 accent-accent"
            />
            {option.label}
          </label>
        ))}
      </div>
      {missing && (
        <p id={errorId} className="pt-2 text-sm text-danger">
          {MISSING_TEXT}
        </p>
      )}
    </fieldset>
  );
}

function RedFlagAdvice({ answers }: { answers: SelfCheckAnswers }) {
  const urgent = answers.redFlags.saddle_numbness === true || answers.redFlags.bladder_bowel === true;
  return (
    <Notice tone="danger" role="alert" title="Bitte lass deine Beschwerden zuerst ärztlich abklären">
      <div className="flex flex-col gap-2">
        {urgent && (
          <p className="font-semibold text-danger">
            Taubheit im Sattelbereich oder neue Probleme mit Blase oder Darm können auf eine Nervenkompression hinweisen, die schnell
            behandelt werden muss. Bitte warte damit nicht: Ruf den Notruf 112 an oder geh direkt in eine Notaufnahme.
          </p>
        )}
        {urgent ? (
          <p>Lass auch alle anderen Warnzeichen ärztlich ansehen, bevor du mit einem Coaching beginnst.</p>
        ) : (
          <p>
            Du hast mindestens eine Frage zu Warnzeichen mit „Ja“ beantwortet. Oft steckt nichts Ernstes dahinter, aber eine Ärztin oder ein
            Arzt sollte sich das ansehen, bevor du mit einem Coaching beginnst. Wende dich an deine Hausarztpraxis oder, außerhalb der
            Sprechzeiten, an den ärztlichen Bereitschaftsdienst unter 116 117.
          </p>
        )}
        <p>Wenn körperliche Ursachen abgeklärt sind, kann dir das Ergebnis unten eine erste Orientierung geben.</p>
      </div>
    </Notice>
  );
}

export function SelfCheckForm({ save, signedIn }: { save?: (answers: SelfCheckAnswers) => Promise<SaveResult>; signedIn: boolean }) {
  const prefix = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [answers, setAnswers] = useState<SelfCheckAnswers>(EMPTY_ANSWERS);
  const [missing, setMissing] = useState<Missing | null>(null);
  const [submitted, setSubmitted] = useState<{ answers: SelfCheckAnswers; result: SelfCheckResult } | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ status: "idle" });
  const resultRef = useRef<HTMLHeadingElement>(null);
  const adviceRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFormAfterReset = useRef(false);
  const attempt = useRef(0);

  const nameFor = (kind: "sign" | "flag", id: string) => `${prefix}-${kind}-${id}`;

  // Move focus to the result once it is shown (to the doctor's advice first, when there is one),
  // and back to the first question after a reset.
  useEffect(() => {
    if (submitted) {
      (submitted.result.redFlag ? adviceRef.current : resultRef.current)?.focus();
    } else if (focusFormAfterReset.current) {
      focusFormAfterReset.current = false;
      formRef.current?.querySelector<HTMLInputElement>("input[type=radio]")?.focus();
    }
  }, [submitted]);

  function setSign(id: SignId, value: boolean) {
    setAnswers((prev) => ({ ...prev, signs: { ...prev.signs, [id]: value } }));
    setMissing((prev) => (prev && prev.signs.has(id) ? { ...prev, signs: new Set([...prev.signs].filter((m) => m !== id)) } : prev));
  }

  function setRedFlag(id: RedFlagId, value: boolean) {
    setAnswers((prev) => ({ ...prev, redFlags: { ...prev.redFlags, [id]: value } }));
    setMissing((prev) =>
      prev && prev.redFlags.has(id) ? { ...prev, redFlags: new Set([...prev.redFlags].filter((m) => m !== id)) } : prev,
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const open = findMissing(answers);
    if (open.signs.size > 0 || open.redFlags.size > 0) {
      setMissing(open);
      const firstSign = signs.find((s) => open.signs.has(s.id));
      const firstFlag = redFlags.find((f) => open.redFlags.has(f.id));
      const firstName = firstSign ? nameFor("sign", firstSign.id) : firstFlag ? nameFor("flag", firstFlag.id) : undefined;
      if (firstName) {
        const input = formRef.current?.querySelector<HTMLInputElement>(`input[name="${firstName}"]`);
        input?.focus();
        input?.closest("fieldset")?.scrollIntoView({ block: "center" });
      }
      return;
    }

    setMissing(null);
    // Scored in the browser: anonymous answers never leave the device.
    const snapshot: SelfCheckAnswers = { signs: { ...answers.signs }, redFlags: { ...answers.redFlags } };
    const result = scoreSelfCheck(snapshot);
    setSubmitted({ answers: snapshot, result });

    if (signedIn && save) {
      const current = ++attempt.current;
      setSaveState({ status: "saving" });
      let outcome: SaveState;
      try {
        const response = await save(snapshot);
        outcome = { status: "done", ok: response.ok, message: response.ok ? SAVED_TEXT : (response.message ?? SAVE_FAILED_TEXT) };
      } catch {
        outcome = { status: "done", ok: false, message: SAVE_FAILED_TEXT };
      }
      // Ignore a late answer if the test was reset or taken again meanwhile.
      if (current === attempt.current) setSaveState(outcome);
    } else {
      rememberResult(snapshot);
      setSaveState({ status: "idle" });
    }
  }

  function reset() {
    attempt.current++;
    forgetResult();
    focusFormAfterReset.current = true;
    setAnswers(EMPTY_ANSWERS);
    setMissing(null);
    setSaveState({ status: "idle" });
    setSubmitted(null);
  }

  if (submitted) {
    const { result } = submitted;
    const band = bandText[result.band];
    return (
      <section aria-labelledby={`${prefix}-result`} className="flex flex-col gap-6">
        {result.redFlag && (
          <div ref={adviceRef} tabIndex={-1} className="scroll-mt-4 outline-none">
            <RedFlagAdvice answers={submitted.answers} />
          </div>
        )}

        <div className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-5">
          <h2 id={`${prefix}-result`} ref={resultRef} tabIndex={-1}>
            Dein Ergebnis
          </h2>
          <p className="text-xl font-semibold text-accent-strong">
            {result.score} von {result.total} Anzeichen treffen auf dich zu
          </p>
          <h3>{band.title}</h3>
          <p>{band.text}</p>
        </div>

        {signedIn ? (
          <div className="flex flex-col gap-3">
            <h3>Wie es weitergehen kann</h3>
            <p>
              In deinem Bereich siehst du, wie sich dein Ergebnis von Mal zu Mal verändert. Wenn du magst, schauen wir es uns in der
              nächsten Sitzung gemeinsam an.
            </p>
            <div className="flex flex-wrap gap-3">
              <ButtonLink href="/dashboard/selbsttest">Deinen Verlauf ansehen</ButtonLink>
              <ButtonLink href="/artikel" variant="secondary">
                Artikel lesen
              </ButtonLink>
            </div>
          </div>
        ) : (
          <div className="flex flex-col gap-3">
            <h3>Wie es weitergehen kann</h3>
            <p>
              In den <Link href="/artikel">Artikeln</Link> erfährst du, wie Schmerz im Nervensystem entsteht und warum er sich wieder
              verändern kann. Im kostenlosen Erstgespräch schauen wir gemeinsam auf deine Situation, unverbindlich und ohne
              Verkaufsgespräch.
            </p>
            <div className="flex flex-wrap gap-3">
              <ButtonLink href="/erstgespraech">Kostenloses Erstgespräch buchen</ButtonLink>
              <ButtonLink href="/artikel" variant="secondary">
                Artikel lesen
              </ButtonLink>
            </div>
          </div>
        )}

        {signedIn && save ? (
          saveState.status === "saving" ? (
            <p role="status" className="text-muted">
              Dein Ergebnis wird gespeichert …
            </p>
          ) : saveState.status === "done" ? (
            <Notice tone={saveState.ok ? "success" : "warn"} role={saveState.ok ? "status" : "alert"}>
              {saveState.message}
            </Notice>
          ) : null
        ) : (
          <p className="text-sm text-muted">
            Dein Ergebnis wird nicht auf dem Server gespeichert. Wenn du ein Erstgespräch buchst, kannst du es dort mitschicken, aber nur,
            wenn du das ausdrücklich auswählst. Wenn du mit mir arbeitest, kannst du den Test in deinem Bereich wiederholen und den Verlauf
            sehen.
          </p>
        )}

        <Notice tone="info">
          Dieser Selbsttest ersetzt keine ärztliche Diagnose oder Behandlung. Er zeigt nur, ob dein Muster zu typischen Anzeichen passen
          könnte. Körperliche Ursachen sollten immer zuerst ärztlich abgeklärt werden.
        </Notice>

        <div>
          <Button variant="secondary" onClick={reset}>
            Test neu beginnen
          </Button>
        </div>
      </section>
    );
  }

  const missingCount = missing ? missing.signs.size + missing.redFlags.size : 0;

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="flex flex-col gap-8">
      <section aria-labelledby={`${prefix}-signs`} className="flex flex-col gap-4">
        <h2 id={`${prefix}-signs`}>Was trifft auf deine Schmerzen zu?</h2>
        <p className="text-muted">Beantworte jede Frage mit „Ja“ oder „Nein“. Wenn du unsicher bist, nimm die Antwort, die eher passt.</p>
        <ol className="flex flex-col gap-4">
          {signs.map((sign) => (
            <li key={sign.id}>
              <YesNo
                name={nameFor("sign", sign.id)}
                question={sign.question}
                hint={sign.hint}
                value={answers.signs[sign.id]}
                missing={missing?.signs.has(sign.id) ?? false}
                onChange={(value) => setSign(sign.id, value)}
              />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby={`${prefix}-flags`} className="flex flex-col gap-4">
        <h2 id={`${prefix}-flags`}>Bevor wir weitergehen: Warnzeichen</h2>
        <p className="text-muted">
          Diese Fragen helfen einzuschätzen, ob du deine Beschwerden zuerst ärztlich abklären lassen solltest. Meistens lautet die Antwort
          überall „Nein“.
        </p>
        <ul className="flex flex-col gap-4">
          {redFlags.map((flag) => (
            <li key={flag.id}>
              <YesNo
                name={nameFor("flag", flag.id)}
                question={flag.question}
                value={answers.redFlags[flag.id]}
                missing={missing?.redFlags.has(flag.id) ?? false}
                onChange={(value) => setRedFlag(flag.id, value)}
              />
            </li>
          ))}
        </ul>
      </section>

      <div className="flex flex-col items-start gap-3">
        {missingCount > 0 && (
          <p className="text-danger">
            {missingCount === 1 ? "Eine Frage ist noch offen." : `${missingCount} Fragen sind noch offen.`} Bitte beantworte alle Fragen,
            damit dein Ergebnis ausgewertet werden kann.
          </p>
        )}
        <Button type="submit">Auswerten</Button>
        <p className="text-sm text-muted">
          Die Auswertung passiert direkt in deinem Browser.
          {signedIn && save ? " Danach wird dein Ergebnis in deinem Bereich gespeichert." : " Deine Antworten werden nicht gesendet."}
        </p>
      </div>
    </form>
  );
}
