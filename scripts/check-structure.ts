// Standing checks of the house's shape, run by `npm test` (ARCHITECTURE.md): no import cycle,
// no file in lib/ above 300 lines, and no more copied code in lib/ and components/ than today.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import madge from "madge";

const MAX_LIB_LINES = 300;
/** Clones jscpd finds in lib/ and components/ today; the count may only go down. */
const MAX_CLONES = 5;

const failures: string[] = [];

const cycles = (
  await madge(["lib", "app", "components", "emails", "db"], {
    fileExtensions: ["ts", "tsx"],
    tsConfig: "tsconfig.json",
  })
).circular();
for (const cycle of cycles) failures.push(`import cycle: ${cycle.join(" → ")}`);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}
for (const file of filesUnder("lib")) {
  const lines = readFileSync(file, "utf8").split("\n").length - 1;
  if (lines > MAX_LIB_LINES) failures.push(`${file} has ${lines} lines (at most ${MAX_LIB_LINES}): split it by what its parts are about`);
}

const out = mkdtempSync(path.join(tmpdir(), "jscpd-"));
try {
  const run = spawnSync(
    "node_modules/.bin/jscpd",
    [
      "lib",
      "components",
      "--min-lines",
      "6",
      "--min-tokens",
      "40",
      "--format",
      "typescript,tsx",
      "--reporters",
      "json",
      "--output",
      out,
      "--silent",
    ],
    { encoding: "utf8" },
  );
  if (run.status !== 0) failures.push(`jscpd failed: ${run.stderr || run.stdout}`);
  else {
    const report = JSON.parse(readFileSync(path.join(out, "jscpd-report.json"), "utf8")) as {
      duplicates: { firstFile: { name: string; start: number }; secondFile: { name: string; start: number } }[];
    };
    if (report.duplicates.length > MAX_CLONES) {
      failures.push(`${report.duplicates.length} copied blocks in lib/ and components/ (at most ${MAX_CLONES}):`);
      for (const d of report.duplicates)
        failures.push(`  ${d.firstFile.name}:${d.firstFile.start} ~ ${d.secondFile.name}:${d.secondFile.start}`);
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

if (failures.length) {
  console.error(failures.join("\n"));
  process.exit(1);
}
console.log(`structure: no import cycle, lib files ≤ ${MAX_LIB_LINES} lines, copied blocks within ${MAX_CLONES}`);
