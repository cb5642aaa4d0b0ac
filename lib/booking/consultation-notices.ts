import type { AppError } from "@/lib/http/errors";

/*
 * What /coach/termine says after the coach acted on a consultation. The action redirects with a
 * code (?ok=… or ?fehler=…) and the page shows the fixed text for it: never text from the URL,
 * which anyone can write and send to the coach as a link.
 */
export const consultationDone = {
  abgesagt: "Abgesagt. Die Person bekommt eine E-Mail mit der Absage für ihren Kalender.",
  erledigt: "Als stattgefunden markiert.",
  "nicht-erschienen": "Als nicht erschienen markiert.",
  eingeladen: "Zugang angelegt und Einladung verschickt.",
  "erneut-eingeladen": "Die Person hatte schon einen Zugang; die Einladung wurde erneut verschickt.",
} as const;

export const consultationFailed = {
  "grund-ungueltig": "Der Grund ist zu lang (höchstens 500 Zeichen) oder enthält ungültige Zeichen.",
  "schon-abgesagt": "Dieser Termin ist schon abgesagt oder vorbei.",
  "nicht-markierbar": "Nur bestätigte Termine, die begonnen haben, lassen sich so markieren.",
  "adresse-der-praxis": "Diese Adresse gehört zur Praxis selbst und kann keine Klient*in werden.",
  "nicht-gefunden": "Diesen Termin gibt es nicht mehr.",
  "nicht-geklappt": "Das hat leider nicht geklappt. Bitte versuche es noch einmal.",
} as const;

export type ConsultationFailure = keyof typeof consultationFailed;

/** The code for what went wrong, from the intent and the domain's AppError. */
export function failureCode(intent: string, error: AppError): ConsultationFailure {
  if (error.code === "invalid") return "grund-ungueltig";
  if (error.code === "not_found") return intent === "cancel" ? "schon-abgesagt" : "nicht-gefunden";
  if (error.code === "conflict") return intent === "convert" ? "adresse-der-praxis" : "nicht-markierbar";
  return "nicht-geklappt";
}

/** The fixed text for a code from the URL, or nothing for anything else. */
export function noticeFor<T extends Record<string, string>>(texts: T, code: string | string[] | undefined): string | undefined {
  return typeof code === "string" && Object.hasOwn(texts, code) ? texts[code] : undefined;
}
