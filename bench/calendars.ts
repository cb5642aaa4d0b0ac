// The coach's own calendars for the benchmark: three connections with 2,000 busy times each,
// written directly (the sync itself is proven by tests/integration/caldav*.test.ts against
// Radicale). Spread over 400 days, five a day: early morning, lunch, evenings, so that the
// practice hours keep most of their slots and /api/slots still has a list to compute.
import type { Sql } from "postgres";

export const CALENDARS = 3;
export const BUSY_PER_CALENDAR = 2000;

export async function seedCalendarBusy(sql: Sql, coachId: string): Promise<number> {
  for (let c = 1; c <= CALENDARS; c++) {
    const [connection] = await sql<{ id: string }[]>`
      insert into calendar_connections (coach_id, kind, label, secret, last_sync_at, last_success_at)
      values (${coachId}, 'ical', ${`Bench-Kalender ${c}`}, 'v1.bench.not.a.secret', now(), now()) returning id`;
    const [calendar] = await sql<{ id: string }[]>`
      insert into calendar_calendars (connection_id, href, display_name, busy) values (${connection!.id}, '', ${`Bench ${c}`}, true) returning id`;
    await sql`
      insert into calendar_busy (calendar_id, start_at, end_at, uid, all_day)
      select ${calendar!.id}::uuid,
             date_trunc('day', now()) - interval '30 days' + (n / 5) * interval '1 day' + (array[5, 11, 17, 19, 21])[1 + n % 5] * interval '1 hour' + ${c * 7} * interval '1 minute',
             date_trunc('day', now()) - interval '30 days' + (n / 5) * interval '1 day' + (array[5, 11, 17, 19, 21])[1 + n % 5] * interval '1 hour' + ${c * 7 + 45} * interval '1 minute',
             'bench-' || ${c} || '-' || n,
             false
      from generate_series(0, ${BUSY_PER_CALENDAR - 1}) as n`;
    // As a sync does: the calendar's row changes with its busy times (lib/calendars/busy.ts keys its cache on it).
    await sql`update calendar_calendars set version = 'bench', expanded_until = now() + interval '62 days' where id = ${calendar!.id}`;
  }
  return CALENDARS * BUSY_PER_CALENDAR;
}

export async function removeCalendarBusy(sql: Sql): Promise<void> {
  await sql`delete from calendar_connections where label like 'Bench-Kalender %'`;
}
