// npm run calendars:rekey: moves every stored calendar secret (CalDAV passwords, subscription
// URLs) to the first key of CALENDAR_KEYS. To rotate: put the new key first, keep the old one
// after it, run this, then remove the old key. Prints counts only, never a secret.
import { closeDb } from "../db";
import { rekeyCalendarSecrets } from "../lib/calendars/rekey";

const [command] = process.argv.slice(2);
if (command !== "rekey") {
  console.error("usage: tsx scripts/calendars.ts rekey");
  process.exit(2);
}
try {
  const { rekeyed, kept } = await rekeyCalendarSecrets();
  console.log(`re-encrypted ${rekeyed} calendar secret(s); ${kept} already under the first key`);
} finally {
  await closeDb();
}
