import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";

export const TAX_EXPORT_CSV_PATH = "/coach/rechnungen/export.csv";
export const TAX_EXPORT_ZIP_PATH = "/coach/rechnungen/export.zip";

/**
 * The export for the tax advisor: a period (issue dates) and two downloads, the bookings as CSV
 * and the PDFs as ZIP. A plain GET form, so the browser downloads the file itself; each button
 * sends the same dates to its own route. The period defaults to this year up to today.
 */
export function TaxExportForm({ today }: { today: string }) {
  return (
    <form method="get" action={TAX_EXPORT_CSV_PATH} aria-labelledby="tax-export-title" className="flex flex-col gap-3">
      <h2 id="tax-export-title" className="text-lg font-semibold">
        Export für die Steuerberatung
      </h2>
      <p className="text-sm text-muted">
        Rechnungen, Stornorechnungen und Zahlungen eines Zeitraums (nach Rechnungs- bzw. Zahlungsdatum), höchstens zehn Jahre.
      </p>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field label="Von" name="von" type="date" required defaultValue={`${today.slice(0, 4)}-01-01`} max={today} />
        <Field label="Bis" name="bis" type="date" required defaultValue={today} />
      </div>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" formAction={TAX_EXPORT_CSV_PATH}>
          Buchungen als CSV herunterladen
        </Button>
        <Button type="submit" variant="secondary" formAction={TAX_EXPORT_ZIP_PATH}>
          Rechnungen als ZIP (PDF) herunterladen
        </Button>
      </div>
    </form>
  );
}
