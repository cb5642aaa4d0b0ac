// Standing checks of the house's shape, run by `npm test` (ARCHITECTURE.md): no import cycle,
// no file in lib/ above 300 lines, every server action built by the wrapper, and no more copied
// code in lib/ and components/ than today.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import madge from "madge";

const MAX_LIB_LINES = 300;
/** Clones jscpd finds in lib/ and components/ today; the count may only go down. */
const MAX_CLONES = 2;

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

// Every export of a "use server" file is an action built by lib/http/form-action.ts (or a type),
// and none guards or maps AppErrors itself: the wrapper is the one place that does.
const WRAPPERS = /^export const \w+ = (formAction|publicFormAction|commandAction|callAction)\(/;
const OWN_EDGE = /\b(requireActionUser|requireUser|requireRole|currentUser|sessionState)\(|instanceof AppError/;
for (const file of [...filesUnder("lib"), ...filesUnder("app")]) {
  const source = readFileSync(file, "utf8");
  if (!/^["']use server["'];?$/m.test(source)) continue;
  source.split("\n").forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    if (/^export /.test(line) && !/^export type /.test(line) && !WRAPPERS.test(line)) {
      failures.push(`${where}: a server action not built by formAction, publicFormAction, commandAction or callAction`);
    }
    if (OWN_EDGE.test(line)) failures.push(`${where}: guards or maps errors itself; the form-action wrapper does that`);
  });
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
console.log(
  `structure: no import cycle, lib files ≤ ${MAX_LIB_LINES} lines, every action built by the wrapper, copied blocks within ${MAX_CLONES}`,
);
