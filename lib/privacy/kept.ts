/**
 * What the platform keeps of a person after their account is deleted, and why. Empty today:
 * deleting an account deletes every row that names the person or holds what they or the coach
 * wrote about them. A legal duty to keep something (e.g. invoices, § 147 AO) is added here as
 * one entry per column; the account-deletion page and /datenschutz list it, and the erasure
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

export const keptAfterDeletion: readonly KeptAfterDeletion[] = [];

/**
 * Backups are encrypted and rotate: each is kept this many days, so whatever was deleted is
 * gone from every backup at most this long after the deletion. README's backup section says
 * the same.
 */
export const BACKUP_RETENTION_DAYS = 30;
