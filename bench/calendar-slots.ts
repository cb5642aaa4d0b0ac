// `npx tsx bench/calendar-slots.ts`: the free slots of 60 days as /api/slots computes them
// (availableSlots: rules, appointments, calendar busy times, the engine), in process on a
// throw-away PostgreSQL database, without and then with three calendars of 2,000 busy times each
// (bench/calendars.ts). The HTTP figure is the "3 calendars" target of `npm run bench`; this one
// needs no build. Prints medians only; asserts nothing. BENCH_DATABASE_URL as for the bench.
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { setDbHandle } from "@/db";
import { connectPostgres } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedEssentials } from "@/db/seed";
import { availableSlots } from "@/lib/appointments/holds";
import { addDays } from "@/lib/time/dates";
import { seedCalendarBusy } from "./calendars";

const ROUNDS = Number(process.env.SLOT_BENCH_ROUNDS ?? 60);
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `praxis_calslots_${Date.now().toString(36)}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const handle = connectPostgres(url.toString());
const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
try {
  await migrateDatabase(handle, url.toString());
  setDbHandle(handle);
  await seedEssentials(handle.db, "coach@example.com");
  const from = new Date().toISOString().slice(0, 10);
  const to = addDays(from, 59);
  const median = async () => {
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      count = (await availableSlots(from, to)).slots.length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)]!, count };
  };
  await median(); // warm-up
  const without = await median();
  const [coach] = await sql<{ id: string }[]>`select id from users where role = 'coach'`;
  const rows = await seedCalendarBusy(sql, coach!.id);
  await sql`analyze calendar_busy`;
  const withCalendars = await median();
  console.log(`availableSlots, 60 days, median of ${ROUNDS}:`);
  console.log(`  without calendars: ${without.ms.toFixed(2)} ms (${without.count} slots)`);
  console.log(
    `  3 calendars, ${rows} busy times: ${withCalendars.ms.toFixed(2)} ms (${withCalendars.count} slots), ${((withCalendars.ms / without.ms - 1) * 100).toFixed(0)}%`,
  );
} finally {
  await sql.end();
  await handle.close();
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
