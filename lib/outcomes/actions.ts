"use server";

import { revalidatePath } from "next/cache";
import { commandAction, fields, formAction, text, type FormState } from "@/lib/http/form-action";
import { saveWeeklyCheckin } from "./preferences";
import { requestBaseline, submitCheckin } from "./queries";
import { checkinSchema, requestBaselineSchema, weeklyCheckinSchema } from "./schemas";

const WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];

export type CheckinState = FormState & { elevated?: boolean };

/** The client answers a check-in; the page then shows it against the baseline. */
export const submitCheckinAction = formAction({
  role: "client",
  schema: checkinSchema,
  read: (form) => fields(form, ["averagePain", "worstPain", "interference", "damageBelief", "phq1", "phq2", "phq3", "phq4"]),
  run: async (input, { user }): Promise<CheckinState> => {
    const row = await submitCheckin(user.id, input);
    revalidatePath("/dashboard/fortschritt");
    revalidatePath("/dashboard");
    return {
      ok: row.kind === "baseline" ? "Danke! Dein Ausgangswert ist gespeichert." : "Danke! Dein Check-in ist gespeichert.",
      elevated: row.elevated,
    };
  },
});

/** The client sets the weekly check-in email: weekday, hour, zone, or off. */
export const saveWeeklyCheckinAction = formAction({
  role: "client",
  schema: weeklyCheckinSchema,
  read: (form) => ({
    enabled: form.get("enabled") === "on",
    weekday: text(form, "weekday"),
    hour: text(form, "hour"),
    timeZone: text(form, "timeZone"),
  }),
  run: async (input, { user }) => {
    await saveWeeklyCheckin(user.id, input);
    revalidatePath("/dashboard/fortschritt");
    return input.enabled
      ? `Schön. Ich erinnere dich jeden ${WEEKDAYS[input.weekday - 1]} um ${String(input.hour).padStart(2, "0")}:00 Uhr (${input.timeZone}) an deinen Check-in.`
      : "Die wöchentliche Erinnerung ist aus. Den Check-in findest du trotzdem jederzeit hier.";
  },
});

/** From the client's page: the coach asks for a new baseline. */
export const requestBaselineAction = commandAction({
  role: "coach",
  schema: requestBaselineSchema,
  read: (form) => fields(form, ["clientId"]),
  run: async ({ clientId }) => {
    await requestBaseline(clientId);
    revalidatePath(`/coach/klienten/${clientId}`);
  },
  refused: () => {},
});
