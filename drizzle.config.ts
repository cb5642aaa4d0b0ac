import { defineConfig } from "drizzle-kit";

// drizzle-kit is used to *generate* migrations only; they are applied by
// db/migrate.ts with drizzle's programmatic migrator on both engines.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
