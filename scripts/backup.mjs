// Backup and restore of the PostgreSQL database with pg_dump/pg_restore (custom format).
//
//   npm run db:backup -- backups/praxis-2026-11-27.dump          (reads DATABASE_URL)
//   npm run db:restore -- backups/praxis-2026-11-27.dump postgres://…/praxis_restored
//
// The restore target must be an empty database (createdb it first); the dump holds the
// schema, the migration journal and all data, so the app starts on it as it is.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

export function backup(databaseUrl, file) {
  mkdirSync(dirname(file), { recursive: true });
  run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${databaseUrl}`]);
}

export function restore(file, targetUrl) {
  run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${targetUrl}`, file]);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"] });
  if (result.error) throw new Error(`${command} could not run (is the PostgreSQL client installed?): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} failed with exit code ${result.status}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, file, target] = process.argv.slice(2);
  try {
    if (command === "backup" && file) {
      if (!process.env.DATABASE_URL)
        throw new Error(
          "DATABASE_URL is not set: backups are of the PostgreSQL server (PGlite's .data folder can simply be copied while the app is stopped).",
        );
      backup(process.env.DATABASE_URL, file);
      console.log(`Backup written to ${file}.`);
    } else if (command === "restore" && file && target) {
      restore(file, target);
      console.log(`Restored ${file} into ${target.replace(/:[^:@/]*@/, ":***@")}.`);
    } else {
      console.error("usage: node scripts/backup.mjs backup <file> | restore <file> <target-database-url>");
      process.exitCode = 2;
    }
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
