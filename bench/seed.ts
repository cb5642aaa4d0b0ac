// Volume data for the benchmark, written with set-based SQL (generate_series) so that
// ~400,000 rows take seconds. Runs only on the bench's throw-away database, after the app has
// migrated it and written the demo seed; never part of db/seed.
import type { Sql } from "postgres";

export type VolumeIds = {
  coachId: string;
  /** A client with five years of daily journal entries: the dashboard and journal targets. */
  journalClientId: string;
  /** Slugs of the published bench articles. */
  articleSlugs: string[];
  counts: Record<string, number>;
};

const CLIENTS = 2000;
const JOURNAL_CLIENTS = 200;
const JOURNAL_DAYS = 5 * 365;
const ARTICLES = 300;
const PAST_APPOINTMENTS = 18000;
/** Future sessions, five a day, at hours the consultation calendar leaves mostly free. */
const FUTURE_DAYS = 400;

export async function seedVolume(sql: Sql, coachEmail: string): Promise<VolumeIds> {
  const [coach] = await sql<{ id: string }[]>`select id from users where email = ${coachEmail} and role = 'coach'`;
  if (!coach) throw new Error(`no coach ${coachEmail}: start the app (it seeds the essentials) first`);

  await sql`
    insert into users (id, name, email, role, client_status, email_verified, created_at)
    select 'bench-client-' || lpad(n::text, 4, '0'),
           (array['Anna','Ben','Clara','David','Eva','Felix','Greta','Hannes','Ida','Jonas'])[1 + n % 10] || ' Bench ' || n,
           'client' || lpad(n::text, 4, '0') || '@bench.example',
           'client',
           (array['active','active','active','paused','finished'])[1 + n % 5],
           now() - (n || ' hours')::interval,
           now() - interval '5 years' + (n || ' hours')::interval
    from generate_series(1, ${CLIENTS}) as n`;

  // Five years of one entry a day for the first 200 clients (365,000 rows).
  await sql`
    insert into journal_entries (user_id, entry_date, pain, stress, mood, body_areas, tags, helped, notes, created_at, updated_at)
    select 'bench-client-' || lpad(c::text, 4, '0'),
           d::date,
           (4 + 3 * sin((i + c) / 9.0) + ((i + c) % 3))::int % 11,
           (5 + 3 * cos((i + c) / 7.0))::int % 11,
           1 + (i + c) % 5,
           case when (i + c) % 4 = 0 then array['unterer Rücken', 'Nacken'] else array['unterer Rücken'] end,
           array[(array['Termindruck','Streit','wenig Schlaf','langes Sitzen','Wetter','Freude'])[1 + (i + c) % 6]],
           array[(array['Spaziergang','Somatic Tracking','Atmen','Pause'])[1 + (i * 7 + c) % 4]],
           case when (i + c) % 5 = 0 then 'Tag ' || i || ': morgens steif, nach dem Spaziergang besser.' else '' end,
           d + interval '19 hours 30 minutes',
           d + interval '19 hours 30 minutes'
    from generate_series(1, ${JOURNAL_CLIENTS}) as c,
         generate_series(current_date - ${JOURNAL_DAYS - 1}::int, current_date, interval '1 day') with ordinality as g(d, i)`;

  // 300 published articles with a Markdown body of ~1,200 words: headings, lists, a quote, a table.
  await sql`
    insert into articles (slug, title, excerpt, body, tags, sources, status, author_id, published_at, created_at, updated_at)
    select 'bench-artikel-' || n,
           'Bench-Artikel ' || n || ': Was dein Nervensystem über Schmerz gelernt hat',
           'Ein langer Artikel für den Lasttest (Nummer ' || n || '): Schmerz als Schutzsignal, Stress und Sicherheit.',
           (select string_agg(
                '## Abschnitt ' || s || E'\n\n' ||
                repeat('Schmerz ist ein Schutzsignal des Gehirns, kein direkter Schadensmelder. Wenn das Nervensystem Gefahr vermutet, dreht es die Lautstärke hoch. ', 6) ||
                E'\n\n- Sicherheit spüren\n- **Somatic Tracking** üben\n- Bewegung mit Freude\n\n' ||
                E'> Was wir fürchten, spüren wir stärker.\n\n' ||
                E'| Woche | Schmerz | Stress |\n|---|---|---|\n| 1 | 6 | 7 |\n| 2 | 5 | 5 |\n\n' ||
                repeat('Viele Menschen erleben, dass der Rücken an stressigen Tagen lauter wird und im Urlaub leiser. ', 5),
                E'\n\n') from generate_series(1, 6) as s),
           array[(array['schmerzwissen','stress','bewegung','schlaf','alltag'])[1 + n % 5], (array['studien','uebungen','gefuehle'])[1 + n % 3]],
           array['Alan Gordon, Alon Ziv (2021): The Way Out. Avery.'],
           'published',
           ${coach.id},
           now() - (n || ' days')::interval - interval '60 days',
           now() - (n || ' days')::interval - interval '60 days',
           now() - (n || ' days')::interval - interval '60 days'
    from generate_series(1, ${ARTICLES}) as n`;

  // Past appointments: ten a day over five years, finished (completed, some cancelled or
  // no-show), so the exclusion constraint (pending and confirmed only) does not apply.
  await sql`
    insert into appointments (coach_id, client_id, kind, status, start_at, end_at, blocked_from, blocked_until,
                              buffer_before_minutes, buffer_after_minutes, name, email, channel, created_at, updated_at)
    select ${coach.id}, u.id, k.kind,
           case when n % 17 = 0 then 'cancelled' when n % 29 = 0 then 'no_show' else 'completed' end,
           t.start_at, t.start_at + k.minutes, t.start_at - k.buf, t.start_at + k.minutes + k.buf,
           extract(epoch from k.buf)::int / 60, extract(epoch from k.buf)::int / 60,
           u.name, u.email, 'video', t.start_at - interval '7 days', t.start_at
    from generate_series(1, ${PAST_APPOINTMENTS}) as n
    cross join lateral (select ((current_date - 1 - (n / 10))::timestamp + make_interval(hours => 8 + n % 10)) at time zone 'Europe/Berlin' as start_at) t
    cross join lateral (select case when n % 5 = 0 then 'consultation' else 'session' end as kind,
                               case when n % 5 = 0 then interval '30 minutes' else interval '50 minutes' end as minutes,
                               case when n % 5 = 0 then interval '10 minutes' else interval '0 minutes' end as buf) k
    join users u on u.id = 'bench-client-' || lpad((1 + n % ${CLIENTS})::text, 4, '0')`;

  // Future confirmed appointments: five a day for 400 days at 07:00, 12:15, 18:30, 19:30 and
  // 20:30 (Berlin), an hour apart or more, so they never overlap each other; the consultation
  // hours (09-13, 14-18 on weekdays) keep most of their slots for /api/slots and the bookings.
  await sql`
    insert into appointments (coach_id, client_id, kind, status, start_at, end_at, blocked_from, blocked_until,
                              buffer_before_minutes, buffer_after_minutes, name, email, channel, confirmed_at, created_at, updated_at)
    select ${coach.id}, u.id, k.kind, 'confirmed',
           t.start_at, t.start_at + k.minutes, t.start_at - k.buf, t.start_at + k.minutes + k.buf,
           extract(epoch from k.buf)::int / 60, extract(epoch from k.buf)::int / 60,
           u.name, u.email, 'video', now(), now(), now()
    from generate_series(1, ${FUTURE_DAYS}) as d
    cross join unnest(array[time '07:00', time '12:15', time '18:30', time '19:30', time '20:30']) with ordinality as h(at, slot)
    cross join lateral (select ((current_date + d)::timestamp + h.at) at time zone 'Europe/Berlin' as start_at) t
    cross join lateral (select case when h.slot = 1 then 'consultation' else 'session' end as kind,
                               case when h.slot = 1 then interval '30 minutes' else interval '50 minutes' end as minutes,
                               case when h.slot = 1 then interval '10 minutes' else interval '0 minutes' end as buf) k
    join users u on u.id = 'bench-client-' || lpad((1 + (d * 5 + h.slot::int) % ${CLIENTS})::text, 4, '0')`;

  await sql`analyze`;

  const counts: Record<string, number> = {};
  for (const table of ["users", "journal_entries", "articles", "appointments"]) {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from ${sql(table)}`;
    counts[table] = row?.n ?? 0;
  }
  const slugs = await sql<{ slug: string }[]>`select slug from articles where slug like 'bench-artikel-%' order by slug`;
  return { coachId: coach.id, journalClientId: "bench-client-0001", articleSlugs: slugs.map((r) => r.slug), counts };
}
