import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { addDays } from "@/lib/time/dates";

/**
 * The report for the doctor: the last 12 weeks in one tap, or a period of the client's choosing
 * (a plain GET form, so the browser downloads the PDF itself; at most two years, never the future).
 */
export function ReportDownload({ href, today }: { href: string; today: string }) {
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p>
        <a href={href} download>
          Bericht für deine Ärztin oder deinen Arzt (PDF, letzte 12 Wochen)
        </a>
      </p>
      <details>
        <summary className="min-h-11 cursor-pointer py-2 text-accent">Anderen Zeitraum wählen</summary>
        <form method="get" action={href} className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Field label="Von" name="von" type="date" required min={addDays(today, -730)} max={today} defaultValue={addDays(today, -83)} />
          <Field label="Bis" name="bis" type="date" required min={addDays(today, -730)} max={today} defaultValue={today} />
          <Button type="submit" variant="secondary">
            PDF herunterladen
          </Button>
        </form>
      </details>
    </div>
  );
}
