import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ResendConfirmation } from "@/components/booking/ResendConfirmation";
import { ButtonLink } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { findReceipt } from "@/lib/appointments/receipts";
import { loadBookingSettings } from "@/lib/booking/availability";
import { bookerWhen } from "@/lib/booking/booker-time";
import { resendConfirmationAction } from "@/lib/booking/receipt-actions";
import { formatClock, minutesInWords } from "@/lib/time/format";

export const metadata: Metadata = { title: "Deine Anfrage", robots: { index: false } };

/**
 * A booking request's own page (its receipt): what happens next, and the same state after a
 * reload or the back button. It shows only what this browser sent; the manage link is only ever
 * in the confirmation email.
 */
export default async function ReceiptPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [receipt, settings] = await Promise.all([findReceipt(token), loadBookingSettings()]);
  if (!receipt) notFound();
  const when = bookerWhen(receipt.startAt, settings.timeZone, receipt.timeZone);
  // The end of the hold, on the booker's own clock.
  const until = `${formatClock(receipt.holdUntil, receipt.timeZone)} Uhr${receipt.timeZone === settings.timeZone ? "" : " bei dir"}`;
  const newBooking = (
    <div>
      <ButtonLink href="/erstgespraech">Neuen Termin wählen</ButtonLink>
    </div>
  );
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      {receipt.state === "waiting" && (
        <>
          <h1>Fast geschafft!</h1>
          <Notice role="status" tone="success" title="Ich halte dir den Termin frei">
            <p>
              <strong>{when}</strong>
            </p>
          </Notice>
          <section aria-labelledby="so-geht-es-weiter" className="flex flex-col gap-3">
            <h2 id="so-geht-es-weiter" className="text-xl">
              So geht es weiter
            </h2>
            <ol className="flex list-decimal flex-col gap-2 pl-6">
              <li>
                Ich habe dir eine E-Mail an <strong className="break-all">{receipt.email}</strong> geschickt.
              </li>
              <li>
                Bestätige den Termin dort mit einem Klick, bis {until} (innerhalb von {minutesInWords(settings.confirmWindowMinutes)}).
                Danach gebe ich die Zeit wieder frei.
              </li>
              <li>
                Dann bekommst du die Bestätigung mit der Kalendereinladung und einem Link, über den du den Termin verschieben oder absagen
                kannst.
              </li>
            </ol>
            <p className="text-sm text-muted">
              Wartet mit dieser Adresse schon eine unbestätigte Buchung, schicke ich dir stattdessen noch einmal deren Link. Es gilt der
              Termin in der E-Mail.
            </p>
          </section>
          <section aria-labelledby="keine-email" className="flex flex-col gap-3">
            <h2 id="keine-email" className="text-xl">
              Keine E-Mail bekommen?
            </h2>
            <p>Schau bitte auch im Spam-Ordner nach. Sonst schicke ich sie dir gern noch einmal.</p>
            <ResendConfirmation action={resendConfirmationAction.bind(null, token)} />
          </section>
        </>
      )}
      {receipt.state === "confirmed" && (
        <>
          <h1>Dein Termin ist bestätigt</h1>
          <Notice role="status" tone="success">
            <p>
              <strong>{when}</strong>
            </p>
            <p className="mt-2">
              Die Bestätigung mit der Kalendereinladung und dem Link zum Verschieben oder Absagen ist per E-Mail an{" "}
              <strong className="break-all">{receipt.email}</strong> unterwegs. Ich freue mich auf dich!
            </p>
          </Notice>
        </>
      )}
      {receipt.state === "lapsed" && (
        <>
          <h1>Die Bestätigungsfrist ist abgelaufen</h1>
          <Notice tone="warn">
            Der Termin am {when} war bis {until} für dich reserviert. Hast du die E-Mail noch, probier den Link trotzdem: Ist die Zeit noch
            frei, gilt dein Termin. Sonst such dir gern einen neuen aus.
          </Notice>
          {newBooking}
        </>
      )}
      {receipt.state === "cancelled" && (
        <>
          <h1>Dieser Termin findet nicht statt</h1>
          <Notice tone="warn">
            Der Termin am {when} ist abgesagt. Du bekommst eine E-Mail dazu. Such dir gern einen neuen Termin aus.
          </Notice>
          {newBooking}
        </>
      )}
    </div>
  );
}
