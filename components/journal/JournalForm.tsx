"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { Scale } from "@/components/ui/Scale";
import type { JournalEntry } from "@/db/schema";
import { flushQueue, queueEntry } from "./offline-queue";
import { BODY_AREAS, MOODS, SUGGESTED_HELPED, SUGGESTED_TAGS } from "@/lib/journal/schemas";

function Chips({
  legend,
  options,
  selected,
  onToggle,
  free,
  onFree,
}: {
  legend: string;
  options: readonly string[];
  selected: string[];
  onToggle: (v: string) => void;
  free?: string;
  onFree?: (v: string) => void;
}) {
  const freeId = useId();
  const all = Array.from(new Set([...options, ...selected]));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {all.map((option) => (
          <label key={option}>
            <input type="checkbox" className="peer sr-only" checked={selected.includes(option)} onChange={() => onToggle(option)} />
            <span className="inline-flex min-h-11 cursor-pointer items-center rounded-full border border-line bg-surface px-4 peer-checked:border-accent peer-checked:bg-accent-soft peer-checked:text-accent-strong peer-focus-visible:outline-3 peer-focus-visible:outline-accent">
              {option}
            </span>
          </label>
        ))}
      </div>
      {onFree && (
        <div className="flex flex-col gap-1">
          <label htmlFor={freeId} className="text-sm text-muted">
            Eigenes hinzufügen (mit Komma trennen)
          </label>
          <input
            id={freeId}
            value={free}
            onChange={(e) => onFree(e.target.value)}
            maxLength={200}
            className="min-h-11 rounded-lg border border-line bg-surface px-3"
          />
        </div>
      )}
    </fieldset>
  );
}

const split = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The day a new entry is for. The offline copy of this form (public/sw.js) may be days old: an
 * untouched date field then means the device's today, not the day the copy was made.
 */
function onDeviceToday(date: string, today: string): string {
  const device = new Date().toLocaleDateString("sv-SE");
  return date === today && /^\d{4}-\d{2}-\d{2}$/.test(device) && device > today ? device : date;
}

type Message = { tone: "success" | "danger" | "info"; text: string; entryId?: string };

/**
 * New entry or edit: quick on a phone (two taps for pain and stress, then save). Posts to the
 * journal API. What happened is said beside the button, in view and focused; a new entry is linked.
 * Without a connection a new entry waits on the device (offline-queue.ts) and is sent, for the same
 * person only, as soon as the connection is back.
 */
export function JournalForm({
  today,
  userId,
  entry,
  onDone,
}: {
  today: string;
  userId: string;
  entry?: JournalEntry;
  onDone?: () => void;
}) {
  const router = useRouter();
  // The list below updates in a transition: the link to the new entry shows once it is there.
  const [refreshing, startRefresh] = useTransition();
  const [date, setDate] = useState(entry?.entryDate ?? today);
  const [pain, setPain] = useState<number | null>(entry?.pain ?? null);
  const [stress, setStress] = useState<number | null>(entry?.stress ?? null);
  const [mood, setMood] = useState<number | null>(entry?.mood ?? null);
  const [areas, setAreas] = useState<string[]>(entry?.bodyAreas ?? []);
  const [tags, setTags] = useState<string[]>(entry?.tags ?? []);
  const [helped, setHelped] = useState<string[]>(entry?.helped ?? []);
  const [freeTags, setFreeTags] = useState("");
  const [freeHelped, setFreeHelped] = useState("");
  const [notes, setNotes] = useState(entry?.notes ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, setPending] = useState(false);
  const dateId = useId();
  const notesId = useId();
  const notice = useRef<HTMLDivElement>(null);
  const toggle = (list: string[], set: (v: string[]) => void) => (value: string) =>
    set(list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  // The answer to a submit appears beside the button: bring it into view and focus, so the person
  // sees it where their thumb is and a screen reader reads it.
  useEffect(() => {
    if (!message || !notice.current) return;
    notice.current.scrollIntoView({ block: "nearest" });
    notice.current.focus({ preventScroll: true });
  }, [message]);

  // Entries written offline go out when the page opens and whenever the connection returns.
  useEffect(() => {
    if (entry) return;
    let active = true;
    const flush = () =>
      flushQueue(userId)
        .then(({ sent }) => {
          if (!active || sent === 0) return;
          setMessage({
            tone: "success",
            text:
              sent === 1
                ? "Dein offline geschriebener Eintrag ist jetzt gespeichert."
                : `Deine ${sent} offline geschriebenen Einträge sind jetzt gespeichert.`,
          });
          router.refresh();
        })
        .catch(() => {});
    void flush();
    window.addEventListener("online", flush);
    return () => {
      active = false;
      window.removeEventListener("online", flush);
    };
  }, [entry, userId, router]);

  function reset() {
    setPain(null);
    setStress(null);
    setMood(null);
    setAreas([]);
    setTags([]);
    setHelped([]);
    setFreeTags("");
    setFreeHelped("");
    setNotes("");
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const missing: Record<string, string> = {};
    if (pain === null) missing.pain = "Bitte wähle deinen Schmerz von 0 bis 10.";
    if (stress === null) missing.stress = "Bitte wähle deinen Stress von 0 bis 10.";
    setErrors(missing);
    if (Object.keys(missing).length) {
      setMessage({ tone: "danger", text: "Bitte prüfe die markierten Angaben." });
      return;
    }
    setPending(true);
    setMessage(null);
    const body = {
      entryDate: entry ? date : onDeviceToday(date, today),
      pain,
      stress,
      mood,
      bodyAreas: areas,
      tags: [...tags, ...split(freeTags)],
      helped: [...helped, ...split(freeHelped)],
      notes,
    };
    try {
      const response = await fetch(entry ? `/api/journal/${entry.id}` : "/api/journal", {
        method: entry ? "PATCH" : "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = await response.json().catch(() => ({}));
      if (response.ok) {
        if (entry) {
          router.refresh();
          onDone?.();
          return;
        }
        setMessage({
          tone: "success",
          text: "Gespeichert. Danke, dass du dir die Zeit nimmst.",
          entryId: typeof data.entry?.id === "string" ? data.entry.id : undefined,
        });
        reset();
        startRefresh(() => router.refresh());
        return;
      }
      if (response.status === 400 && Array.isArray(data.issues)) {
        const next: Record<string, string> = {};
        for (const issue of data.issues as { path: (string | number)[]; message: string }[]) next[String(issue.path[0])] ??= issue.message;
        setErrors(next);
        setMessage({ tone: "danger", text: "Bitte prüfe die markierten Angaben." });
      } else if (response.status === 401) {
        setMessage({ tone: "danger", text: "Du bist nicht mehr angemeldet. Bitte melde dich neu an; deine Eingaben bleiben hier stehen." });
      } else {
        setMessage({ tone: "danger", text: "Das hat leider nicht geklappt. Bitte versuche es noch einmal." });
      }
    } catch {
      if (entry) {
        setMessage({ tone: "danger", text: "Keine Verbindung. Deine Eingaben bleiben hier stehen; versuche es gleich noch einmal." });
      } else {
        try {
          await queueEntry(userId, body);
          reset();
          setMessage({
            tone: "info",
            text: "Du bist gerade offline. Dein Eintrag ist auf diesem Gerät vorgemerkt und wird gespeichert, sobald die Verbindung zurück ist.",
          });
        } catch {
          setMessage({ tone: "danger", text: "Keine Verbindung. Deine Eingaben bleiben hier stehen; versuche es gleich noch einmal." });
        }
      }
    } finally {
      setPending(false);
    }
  }

  const scales = [
    {
      name: "pain",
      label: "Wie stark ist dein Schmerz?",
      value: pain,
      onChange: setPain,
      low: "kein Schmerz",
      high: "stärkster vorstellbarer",
    },
    {
      name: "stress",
      label: "Wie gestresst fühlst du dich?",
      value: stress,
      onChange: setStress,
      low: "ganz entspannt",
      high: "extrem gestresst",
    },
  ];
  // The two lists that also take free text: triggers and feelings, and what helped.
  const freeLists = [
    {
      legend: "Was war los? Auslöser und Gefühle",
      options: SUGGESTED_TAGS,
      selected: tags,
      set: setTags,
      free: freeTags,
      onFree: setFreeTags,
    },
    { legend: "Was hat geholfen?", options: SUGGESTED_HELPED, selected: helped, set: setHelped, free: freeHelped, onFree: setFreeHelped },
  ];

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <label htmlFor={dateId} className="font-medium">
          Datum
        </label>
        <input
          id={dateId}
          type="date"
          value={date}
          max={today}
          onChange={(e) => setDate(e.target.value)}
          className="min-h-11 w-fit rounded-lg border border-line bg-surface px-3"
          aria-invalid={errors.entryDate ? true : undefined}
        />
        {errors.entryDate && <p className="text-sm text-danger">{errors.entryDate}</p>}
      </div>
      {scales.map((scale) => (
        <Scale key={scale.name} {...scale} low={`0 = ${scale.low}`} high={`10 = ${scale.high}`} error={errors[scale.name]} />
      ))}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">Stimmung (optional)</legend>
        <div className="flex flex-wrap gap-2">
          {MOODS.map((label, i) => (
            <label key={label}>
              <input type="radio" name="mood" className="peer sr-only" checked={mood === i + 1} onChange={() => setMood(i + 1)} />
              <span className="inline-flex min-h-11 cursor-pointer items-center rounded-full border border-line bg-surface px-4 peer-checked:border-accent peer-checked:bg-accent-soft peer-checked:text-accent-strong peer-focus-visible:outline-3 peer-focus-visible:outline-accent">
                {label}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <details className="flex flex-col gap-6" open={Boolean(entry)}>
        <summary className="min-h-11 cursor-pointer py-2 font-medium text-accent">
          Mehr festhalten: Körperbereiche, Auslöser, was geholfen hat, Notizen
        </summary>
        <div className="mt-4 flex flex-col gap-6">
          <Chips legend="Wo spürst du es?" options={BODY_AREAS} selected={areas} onToggle={toggle(areas, setAreas)} />
          {freeLists.map((list) => (
            <Chips key={list.legend} {...list} onToggle={toggle(list.selected, list.set)} />
          ))}
          <div className="flex flex-col gap-1">
            <label htmlFor={notesId} className="font-medium">
              Notizen
            </label>
            <textarea
              id={notesId}
              rows={4}
              maxLength={4000}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              className="rounded-lg border border-line bg-surface px-3 py-2"
            />
            {errors.notes && <p className="text-sm text-danger">{errors.notes}</p>}
          </div>
        </div>
      </details>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Wird gespeichert …" : entry ? "Änderung speichern" : "Eintrag speichern"}
        </Button>
        {onDone && (
          <Button variant="quiet" onClick={onDone}>
            Abbrechen
          </Button>
        )}
      </div>
      <div ref={notice} tabIndex={-1} role="status" className="scroll-mb-6 outline-none">
        {message && (
          <Notice tone={message.tone} role={message.tone === "danger" ? "alert" : undefined}>
            {message.text}
            {message.entryId && !refreshing && (
              <>
                {" "}
                <a href={`/dashboard/tagebuch#eintrag-${message.entryId}`}>Zum neuen Eintrag</a>
              </>
            )}
          </Notice>
        )}
      </div>
    </form>
  );
}
