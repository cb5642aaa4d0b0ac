import type { Appointment } from "@/db/schema";
import type { BookingSettings } from "@/lib/booking/availability";
import { AppError } from "@/lib/http/errors";

/*
 * Whether the person an appointment is for (a visitor through their manage link, a client in
 * their dashboard) may still change it themselves: while it is confirmed and until the
 * cancellation cut-off before its start. Pages ask it to show or hide the buttons, actions to
 * refuse; the coach may always change an appointment that still holds its time.
 */

export type SelfServiceVerdict = { may: true; until: Date } | { may: false; why: "gone" | "too_late" };

/** The last moment the person may change it themselves. */
function changeableUntil(appointment: Pick<Appointment, "startAt">, settings: Pick<BookingSettings, "cancellationCutoffMinutes">): Date {
  return new Date(appointment.startAt.getTime() - settings.cancellationCutoffMinutes * 60_000);
}

export function selfService(
  appointment: Pick<Appointment, "status" | "startAt">,
  settings: Pick<BookingSettings, "cancellationCutoffMinutes">,
  now: Date = new Date(),
): SelfServiceVerdict {
  if (appointment.status !== "confirmed") return { may: false, why: "gone" };
  const until = changeableUntil(appointment, settings);
  return now.getTime() > until.getTime() ? { may: false, why: "too_late" } : { may: true, until };
}

const refusals = {
  visitor: {
    gone: "Diesen Termin gibt es nicht mehr, oder er wurde schon abgesagt.",
    too_late: "So kurz vor dem Termin lässt er sich hier nicht mehr ändern. Bitte melde dich direkt bei mir.",
  },
  client: {
    gone: "Dieser Termin ist schon abgesagt oder vorbei.",
    too_late: "So kurz vor dem Termin lässt er sich hier nicht mehr absagen. Bitte melde dich direkt bei mir.",
  },
} as const;

/** Throws the person's refusal (404 when it is gone, 403 when it is too late) unless they may change it. */
export function assertSelfService(
  appointment: Pick<Appointment, "status" | "startAt">,
  settings: Pick<BookingSettings, "cancellationCutoffMinutes">,
  who: keyof typeof refusals,
): void {
  const verdict = selfService(appointment, settings);
  if (verdict.may) return;
  throw new AppError(verdict.why === "gone" ? "not_found" : "forbidden", refusals[who][verdict.why]);
}
