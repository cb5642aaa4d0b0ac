// Runs after `npm install` / `npm ci` (postinstall). Patches one known bug of postgres.js 3.4.9
// until a release fixes it: when a connection's socket closes while a small write is waiting
// for setImmediate, the write later hits a null socket (an uncaught TypeError), and the
// connection keeps a stale timer so it never sends again; queries on it hang instead of failing.
// That is what a database restart did to the app. Upstream: porsager/postgres#1208 (issue),
// #1209 and #1168 (the same guard, not yet released). Idempotent; skips with a warning when the
// code no longer looks as expected (a newer postgres.js), so an install never fails on it.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const MARK = "/* praxis: null-socket guard */";
const files = ["node_modules/postgres/src/connection.js", "node_modules/postgres/cjs/src/connection.js"];
const guard = `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`;
const guarded = `  function nextWrite(fn) {
    if (!socket) { ${MARK}
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`;
const teardown = "    clearImmediate(nextWriteTimer)\n";

for (const file of files) {
  if (!existsSync(file)) continue;
  const source = readFileSync(file, "utf8");
  if (source.includes(MARK)) continue;
  if (source.split(guard).length !== 2 || source.split(teardown).length !== 3) {
    console.warn(`! ${file}: not the postgres.js 3.4.9 this patch expects; left unchanged (see scripts/patch-postgres.mjs)`);
    continue;
  }
  // Teardown (closed, terminate) cancels the pending write; forget it too, or no write is ever scheduled again.
  const patched = source.replace(guard, guarded).replaceAll(teardown, `${teardown}    chunk = nextWriteTimer = null\n`);
  writeFileSync(file, patched);
  console.log(`✓ patched ${file} (null-socket guard, porsager/postgres#1208)`);
}
