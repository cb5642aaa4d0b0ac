"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Field, TextArea } from "@/components/ui/Field";
import { Honeypot } from "@/components/ui/Honeypot";
import { Notice } from "@/components/ui/Notice";
import { recallResult, storedResultText } from "@/lib/checks/browser-result";
import { CheckboxField } from "./CheckboxField";
import { SlotPicker } from "./SlotPicker";

type Errors = Partial<Record<"start" | "name" | "email" | "phone" | "channel" | "message" | "selfCheck" | "consent", string>>;

const noSubscription = () => () => {};

/**
 * The whole booking: pick a day and a time, then name, contact and consent; posts to
 * /api/bookings, then replaces itself in the history with the request's own page (its receipt),
 * so that a reload or the back button shows that state and offers no second booking.
 */
export function BookingWidget({
  practiceTimeZone,
  horizonDays,
  consentText,
}: {
  practiceTimeZone: string;
  horizonDays: number;
  consentText: string;
}) {
  const router = useRouter();
  const [start, setStart] = useState<string | null>(null);
  const [channel, setChannel] = useState<"video" | "phone">("video");
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  // After a failed submit, the first problem is brought into view and focus (on a phone the
  // answer would otherwise sit above the screen while the thumb is on the button).
  const [failures, setFailures] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (failures === 0) return;
    const problem = formRef.current?.querySelector<HTMLElement>('[data-problem], [aria-invalid="true"]');
    problem?.scrollIntoView({ block: "center" });
    problem?.focus({ preventScroll: true });
  }, [failures]);

  // A self-check taken in this tab can be sent along (sessionStorage: read in the browser only).
  const storedText = useSyncExternalStore(noSubscription, storedResultText, () => null);
  const selfCheck = useMemo(() => recallResult(storedText), [storedText]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || leaving) return;
    const form = new FormData(event.currentTarget);
    const body = {
      start: start ?? "",
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      phone: String(form.get("phone") ?? "") || undefined,
      channel,
      message: String(form.get("message") ?? "") || undefined,
      selfCheck: selfCheck && form.get("selfCheck") === "on" ? selfCheck.answers : undefined,
      consent: form.get("consent") === "on",
      website: String(form.get("website") ?? "") || undefined,
      // The zone the times are shown in: the emails name the time in it too.
      timeZone: String(form.get("timeZone") ?? "") || undefined,
    };
    setPending(true);
    setMessage(null);
    try {
      const post = (payload: typeof body) =>
        fetch("/api/bookings", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });
      let response = await post(body);
      let data = await response.json().catch(() => ({}));
      // A zone this browser knows but the server does not (names differ between runtimes): the practice's zone will do.
      if (
        response.status === 400 &&
        Array.isArray(data.issues) &&
        data.issues.every((i: { path: unknown[] }) => i.path[0] === "timeZone")
      ) {
        response = await post({ ...body, timeZone: undefined });
        data = await response.json().catch(() => ({}));
      }
      if (response.status === 201 && typeof data.receiptUrl === "string") {
        setLeaving(true);
        router.replace(data.receiptUrl);
        return;
      }
      if (response.status === 400 && Array.isArray(data.issues)) {
        const next: Errors = {};
        for (const issue of data.issues as { path: (string | number)[]; message: string }[]) {
          const key = String(issue.path[0] ?? "") as keyof Errors;
          if (key && !next[key]) next[key] = issue.message;
        }
        setErrors(next);
        setMessage("Bitte prüfe die markierten Angaben.");
      } else if (response.status === 409) {
        setErrors({});
        setStart(null);
        setRefreshKey((k) => k + 1);
        setMessage("Dieser Termin wurde gerade vergeben. Bitte wähle einen anderen, deine Angaben bleiben erhalten.");
      } else if (response.status === 429) {
        setMessage(
          typeof data.message === "string"
            ? data.message
            : "Du hast gerade sehr viele Buchungen versucht. Bitte warte eine Weile und versuche es dann noch einmal.",
        );
      } else {
        setMessage("Das hat leider nicht geklappt. Bitte versuche es gleich noch einmal.");
      }
      setFailures((n) => n + 1);
    } catch {
      setMessage("Keine Verbindung. Bitte prüfe dein Internet und versuche es noch einmal.");
      setFailures((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-8">
      <section aria-labelledby="schritt-1" className="flex flex-col gap-4">
        <h2 id="schritt-1" className="text-xl">
          1. Wähle einen Termin
        </h2>
        <SlotPicker {...{ practiceTimeZone, horizonDays, refreshKey }} selected={start} onSelect={setStart} />
        {errors.start && !start && (
          <p data-problem tabIndex={-1} className="text-danger">
            {errors.start}
          </p>
        )}
      </section>

      <section aria-labelledby="schritt-2" className="flex flex-col gap-4">
        <h2 id="schritt-2" className="text-xl">
          2. Deine Angaben
        </h2>
        {message && (
          <div data-problem={Object.keys(errors).length === 0 ? "" : undefined} tabIndex={-1} className="outline-none">
            <Notice tone="danger" role="alert">
              {message}
            </Notice>
          </div>
        )}
        <Field label="Name" name="name" autoComplete="name" required maxLength={100} error={errors.name} />
        <Field
          label="E-Mail-Adresse"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          error={errors.email}
          hint="Hierhin schicke ich dir die Bestätigung."
        />
        <fieldset className="flex flex-col gap-2">
          <legend className="font-medium">Wie möchtest du sprechen?</legend>
          <div className="flex flex-wrap gap-4">
            {(["video", "phone"] as const).map((c) => (
              <label key={c} className="flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name="channel"
                  value={c}
                  checked={channel === c}
                  onChange={() => setChannel(c)}
                  className="size-5 accent-accent"
                />
                {c === "video" ? "Videogespräch" : "Telefon"}
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          label={channel === "phone" ? "Telefonnummer" : "Telefonnummer (optional)"}
          name="phone"
          type="tel"
          autoComplete="tel"
          maxLength={40}
          error={errors.phone}
        />
        <TextArea
          label="Magst du kurz erzählen, worum es geht? (optional)"
          name="message"
          rows={4}
          maxLength={2000}
          error={errors.message}
        />
        {selfCheck && (
          <CheckboxField
            name="selfCheck"
            label={`Mein Selbsttest-Ergebnis mitschicken (${selfCheck.result.score} von ${selfCheck.result.total} Anzeichen)`}
            hint="Freiwillig. Dann kann sich dein Coach auf das Gespräch vorbereiten. Ohne Häkchen bleibt dein Ergebnis nur in diesem Browser."
            error={errors.selfCheck}
          />
        )}
        <Honeypot />
        <CheckboxField
          name="consent"
          label={
            <>
              {consentText} Mehr in der <Link href="/datenschutz">Datenschutzerklärung</Link>.
            </>
          }
          error={errors.consent}
        />
        <div>
          <Button type="submit" disabled={pending || leaving || !start} aria-describedby={!start ? "kein-termin" : undefined}>
            {pending || leaving ? "Wird gebucht …" : "Erstgespräch buchen"}
          </Button>
          {!start && (
            <p id="kein-termin" className="mt-2 text-sm text-muted">
              Wähle zuerst einen Tag und eine Uhrzeit.
            </p>
          )}
        </div>
      </section>
    </form>
  );
}
