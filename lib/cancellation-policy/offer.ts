import type { Appointment, CancellationFeeKind } from "@/db/schema";
import type { AcceptedPolicy } from "./policy";

/*
 * Whether an appointment may carry a fee, and which: pure, so the page and the action decide alike.
 * A fee needs an agreement made in advance: the version the client had accepted before they
 * cancelled (late cancellation) or before the start they missed (no-show), the newest such one.
 * A late cancellation is one the client made (themselves, or through the coach) later than the
 * agreed hours before the start. A percent of 0 is no fee.
 */

export type FeeOffer = { kind: CancellationFeeKind; percent: number; policyId: string };
export type NoFee = "not_applicable" | "no_agreement" | "in_time" | "zero";

type Facts = Pick<Appointment, "kind" | "status" | "cancelledBy" | "cancelledAt" | "startAt">;

function agreementAt(accepted: readonly AcceptedPolicy[], at: Date): AcceptedPolicy | null {
  const before = accepted.filter((a) => a.acceptedAt.getTime() <= at.getTime());
  return before.sort((a, b) => a.acceptedAt.getTime() - b.acceptedAt.getTime()).at(-1) ?? null;
}

export function feeOffer(appointment: Facts, accepted: readonly AcceptedPolicy[]): FeeOffer | NoFee {
  if (appointment.kind !== "session") return "not_applicable";
  if (appointment.status === "no_show") {
    const agreement = agreementAt(accepted, appointment.startAt);
    if (!agreement) return "no_agreement";
    if (agreement.noShowPercent <= 0) return "zero";
    return { kind: "no_show", percent: agreement.noShowPercent, policyId: agreement.policyId };
  }
  if (appointment.status !== "cancelled" || appointment.cancelledBy !== "client" || !appointment.cancelledAt) return "not_applicable";
  const agreement = agreementAt(accepted, appointment.cancelledAt);
  if (!agreement) return "no_agreement";
  const lateFrom = appointment.startAt.getTime() - agreement.hoursBefore * 3_600_000;
  if (appointment.cancelledAt.getTime() <= lateFrom) return "in_time";
  if (agreement.latePercent <= 0) return "zero";
  return { kind: "late", percent: agreement.latePercent, policyId: agreement.policyId };
}

/** The button's words, e.g. "Ausfallhonorar berechnen (50 %)". */
export function feeButtonLabel(offer: Pick<FeeOffer, "kind" | "percent">): string {
  return offer.kind === "late"
    ? `Ausfallhonorar berechnen (${offer.percent} %)`
    : `Ausfallhonorar für Nichterscheinen berechnen (${offer.percent} %)`;
}

/** The amount of a fee: the session's gross price times the percent, rounded to the cent. */
export function feeCents(priceCents: number, percent: number): number {
  return Math.round((priceCents * percent) / 100);
}

/** How a fee reads on an invoice: no health terms, the date in the practice zone (YYYY-MM-DD given). */
export function feeDescription(kind: CancellationFeeKind, percent: number, practiceDate: string): string {
  const [y, m, d] = practiceDate.split("-");
  const what = kind === "late" ? "kurzfristig abgesagter" : "nicht wahrgenommener";
  return `Ausfallhonorar: ${what} Termin am ${d}.${m}.${y} (${percent} %)`;
}
