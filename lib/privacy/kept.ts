/**
 * What the platform keeps of a person after their account is deleted, and why: only what the law
 * requires to keep, the issued invoices (§ 147 AO: 8 years), with processing restricted; every
 * other row that names the person or holds what they or the coach wrote about them is deleted.
 * One entry per column; the account-deletion page and /datenschutz list it, and the erasure
 * test (tests/integration/erasure.test.ts) allows exactly these columns to still hold the person.
 */
export type KeptAfterDeletion = {
  table: string;
  column: string;
  /** What is kept, in the words the person reads (German). */
  what: string;
  /** The legal basis, e.g. "§ 147 AO, § 14b UStG; Art. 17 Abs. 3 lit. b DSGVO". */
  basis: string;
  /** How long, e.g. "8 Jahre". */
  period: string;
};

const invoiceBasis = "§ 147 AO, § 14b UStG; Art. 17 Abs. 3 lit. b und Art. 18 DSGVO";
const invoicePeriod = "8 Jahre";

export const keptAfterDeletion: readonly KeptAfterDeletion[] = [
  { table: "invoices", column: "recipient", what: "Name und Anschrift auf gestellten Rechnungen und Stornorechnungen", basis: invoiceBasis, period: invoicePeriod },
  { table: "invoices", column: "recipient_email", what: "die E-Mail-Adresse, an die eine Rechnung ging", basis: invoiceBasis, period: invoicePeriod },
  { table: "invoices", column: "client_id", what: "die Kennung deines Kontos auf deinen Rechnungen", basis: invoiceBasis, period: invoicePeriod },
  // The lines and payments belong to the books as much as the invoice (and the database keeps them
  // unchanged): a package's title, as the coach named it, and the coach's note on a payment.
  { table: "invoice_lines", column: "description", what: "die Leistungsbeschreibung auf gestellten Rechnungen, z. B. der Name eines Pakets", basis: invoiceBasis, period: invoicePeriod },
  { table: "payments", column: "note", what: "der Vermerk zu einer Zahlung auf eine Rechnung", basis: invoiceBasis, period: invoicePeriod },
];

/**
 * Backups are encrypted and rotate: each is kept this many days, so whatever was deleted is
 * gone from every backup at most this long after the deletion. README's backup section says
 * the same.
 */
export const BACKUP_RETENTION_DAYS = 30;
