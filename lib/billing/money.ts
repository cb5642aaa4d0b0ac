/** Money as people read it: "1.234,50 €". Pure, for pages and forms alike. */
const euro = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" });

export function formatEuro(cents: number): string {
  return euro.format(cents / 100);
}

/** The amount as a form shows it for editing: "80,00" (empty for nothing). */
export function euroInput(cents: number): string {
  return cents === 0 ? "" : (cents / 100).toFixed(2).replace(".", ",");
}

export const invoiceStateLabel: Record<string, string> = {
  draft: "Entwurf",
  open: "offen",
  paid: "bezahlt",
  overdue: "überfällig",
  cancelled: "storniert",
  cancellation: "Storno",
};
