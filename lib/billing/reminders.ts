import { and, eq, lte, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { invoiceEvents, invoices, payments, type Invoice } from "@/db/schema";
import { queuePaymentReminder } from "@/lib/notifications/invoices";
import { practiceVoice } from "@/lib/notifications/voice";
import { loadPracticeSettings } from "@/lib/settings/queries";
import { staticSiteOrigin } from "@/lib/site-url";
import { addDays } from "@/lib/time/dates";
import { todayIn } from "@/lib/time/zone";

const BATCH = 50;

/*
 * The friendly payment reminder, a cron step: once per invoice that is still open (issued, not a
 * cancellation, not cancelled, not restricted, paid less than its gross) on or after its due date
 * plus practice_settings.paymentReminderDays in the practice zone; 0 turns it off.
 *
 * Exactly once however many runs overlap: the claim is the insert of the invoice's
 * "reminder_sent" event (unique per invoice and kind), and the email is written in the same
 * transaction. A racing run's insert waits on the unique key, then inserts nothing and sends nothing.
 */
export async function queuePaymentReminders(options: { db?: Db; now?: Date; origin?: string } = {}): Promise<number> {
  const db = options.db ?? defaultDb;
  const origin = options.origin ?? staticSiteOrigin();
  const settings = await loadPracticeSettings(db);
  if (settings.paymentReminderDays <= 0) return 0;
  const today = todayIn(settings.timeZone, options.now ?? new Date());
  const dueOnOrBefore = addDays(today, -settings.paymentReminderDays);
  const id = sql.raw(`"invoices"."id"`);
  const candidates = await db
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.status, "issued"),
        eq(invoices.kind, "invoice"),
        lte(invoices.dueDate, dueOnOrBefore),
        sql`${invoices.grossCents} > (select coalesce(sum(p.amount_cents), 0) from ${payments} p where p.invoice_id = ${id})`,
        sql`not exists (select 1 from ${invoices} c where c.cancels = ${id})`,
        sql`not exists (select 1 from ${invoiceEvents} e where e.invoice_id = ${id})`,
      ),
    )
    .orderBy(invoices.dueDate)
    .limit(BATCH);
  let sent = 0;
  for (const invoice of candidates) if (await remindOnce(db, invoice, origin)) sent++;
  return sent;
}

async function remindOnce(db: Db, invoice: Invoice, origin: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(invoiceEvents)
      .values({ invoiceId: invoice.id, kind: "reminder_sent" })
      .onConflictDoNothing({ target: [invoiceEvents.invoiceId, invoiceEvents.kind] })
      .returning({ id: invoiceEvents.id });
    if (claimed.length === 0) return false;
    await queuePaymentReminder(tx, await practiceVoice(tx), invoice, origin);
    return true;
  });
}
