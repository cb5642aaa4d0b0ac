// Runs after `npm install` / `npm ci` (postinstall). Patches known bugs of dependencies until a
// release of the pinned version fixes them. Idempotent (each patch leaves a marker); skips a patch
// with a warning when the code no longer looks as expected (a newer version), so an install never
// fails on it.
//
// postgres.js 3.4.9: both made a database restart hurt the app for longer than it lasted.
// 1. Null-socket write (porsager/postgres#1208; the guard of #1209 and #1168, not yet released):
//    when a connection's socket closes while a small write waits for setImmediate, the write later
//    hits a null socket (an uncaught TypeError), and the connection keeps a stale timer so it never
//    sends again; queries on it hang instead of failing.
// 2. Stale backend error (porsager/postgres#1223, open): a connection whose backend was killed
//    mid-query (a FATAL such as 57P01 when the server shuts down, or 57P03 while it starts) keeps
//    that error and replays it onto the first query after it reconnects, seconds later and on a
//    healthy server; killed during its start-up it also raises an unhandled rejection. A fresh
//    connect forgets what belonged to the old backend.
//
// @simplewebauthn/server 9.0.3 (the last 9.x; fixed in 10.0.1, whose API differs):
// 3. Short ECDSA integers: a passkey's ES256 signature is DER, whose r and s drop leading zero
//    bytes; about one signature in 128 has one below 2^248. unwrapEC2Signature joins r and s without
//    padding them back to the curve's size, so WebCrypto refuses the signature and the sign-in fails
//    by chance ("Der Passkey konnte nicht bestätigt werden"). Padded here
//    (tests/integration/second-factor.test.ts signs until it has such a signature).
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const postgresPatches = [
  {
    name: "null-socket guard, porsager/postgres#1208",
    mark: "/* praxis: null-socket guard */",
    apply(source) {
      const guard = `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`;
      const teardown = "    clearImmediate(nextWriteTimer)\n";
      if (source.split(guard).length !== 2 || source.split(teardown).length !== 3) return null;
      const guarded = `  function nextWrite(fn) {
    if (!socket) { ${this.mark}
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`;
      // Teardown (closed, terminate) cancels the pending write; forget it too, or no write is ever scheduled again.
      return source.replace(guard, guarded).replaceAll(teardown, `${teardown}    chunk = nextWriteTimer = null\n`);
    },
  },
  {
    name: "stale backend error, porsager/postgres#1223",
    mark: "/* praxis: stale-error guard */",
    apply(source) {
      const start = `  async function connect() {
    terminated = false
    backendParameters = {}
`;
      if (source.split(start).length !== 2) return null;
      // The query and error state of the backend that is gone: its queries were already rejected
      // (or, for the internal array-type query of a start-up, are simply dropped).
      return source.replace(start, `${start}    query = results = errorResponse = null ${this.mark}\n`);
    },
  },
];

const simplewebauthnPatches = [
  {
    name: "pad short ECDSA integers, as @simplewebauthn/server 10.0.1 does",
    mark: "/* praxis: pad r and s */",
    apply(source) {
      const join = /^( *)const finalSignature = ((?:index_js_1\.)?isoUint8Array)\.concat\(\[rBytes, sBytes\]\);$/m;
      if (!join.test(source) || !source.includes("let rBytes") || !source.includes("let sBytes")) return null;
      return source.replace(
        join,
        (_, indent, concat) =>
          `${indent}${this.mark} const size = [32, 48, 66].find((n) => n >= Math.max(rBytes.length, sBytes.length)) ?? Math.max(rBytes.length, sBytes.length);\n` +
          `${indent}const pad = (bytes) => { const out = new Uint8Array(size); out.set(bytes, size - bytes.length); return out; };\n` +
          `${indent}rBytes = pad(rBytes);\n${indent}sBytes = pad(sBytes);\n` +
          `${indent}const finalSignature = ${concat}.concat([rBytes, sBytes]);`,
      );
    },
  },
];

const targets = [
  { what: "the postgres.js 3.4.9", files: ["node_modules/postgres/src/connection.js", "node_modules/postgres/cjs/src/connection.js"], patches: postgresPatches },
  {
    what: "the @simplewebauthn/server 9.0.3",
    files: [
      "node_modules/@simplewebauthn/server/esm/helpers/iso/isoCrypto/unwrapEC2Signature.js",
      "node_modules/@simplewebauthn/server/script/helpers/iso/isoCrypto/unwrapEC2Signature.js",
    ],
    patches: simplewebauthnPatches,
  },
];

for (const { what, files, patches } of targets) {
  for (const file of files) {
    if (!existsSync(file)) continue;
    let source = readFileSync(file, "utf8");
    let changed = false;
    for (const patch of patches) {
      if (source.includes(patch.mark)) continue;
      const patched = patch.apply(source);
      if (patched === null) {
        console.warn(`! ${file}: not ${what} this patch expects (${patch.name}); left unchanged (see scripts/patch-dependencies.mjs)`);
        continue;
      }
      source = patched;
      changed = true;
      console.log(`✓ patched ${file} (${patch.name})`);
    }
    if (changed) writeFileSync(file, source);
  }
}
