import { sql } from "drizzle-orm";
import type { Db } from "@/db";

/** Rows of a raw query, whichever driver ran it (postgres.js answers an array, PGlite an object with rows). */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

export type TextColumn = { schema: string; table: string; column: string; type: string };
export type Finding = { table: string; column: string; needle: string; excerpt: string };

/**
 * Every column of every table in the database that can hold text: text, varchar, char, json,
 * jsonb, bytea and arrays of these. Read from the catalogue at run time, so a table or column
 * added later is scanned without anyone touching this file.
 */
export async function textColumns(db: Db): Promise<TextColumn[]> {
  return rowsOf<TextColumn>(
    await db.execute(sql`
      select c.table_schema as schema, c.table_name as table, c.column_name as column,
             case when c.data_type = 'ARRAY' then c.udt_name else c.data_type end as type
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where t.table_type = 'BASE TABLE'
        and c.table_schema not in ('pg_catalog', 'information_schema')
        and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
             or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar', '_bpchar', '_json', '_jsonb', '_bytea')))
      order by 1, 2, 3`),
  );
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** Runs of base64 long enough to be content (an attachment, an encoded body), not a word. */
const BASE64_RUN = /[A-Za-z0-9+/]{24,}={0,2}/g;

/**
 * What a reader of the value could read in it: the value itself and every base64 run in it
 * decoded (attachments are stored base64), with iCalendar line folding undone, lower-cased.
 */
export function readable(value: string): string {
  const parts = [value];
  for (const run of value.match(BASE64_RUN) ?? []) parts.push(Buffer.from(run, "base64").toString("utf8"));
  return parts
    .map((p) => p.replace(/\r?\n[ \t]/g, ""))
    .join("\n")
    .toLowerCase();
}

/**
 * Looks for each needle (case-insensitive) in every text-like column of every table. A bytea
 * value is read as UTF-8. Returns where each was found, with a short excerpt.
 */
export async function scanForText(db: Db, needles: string[]): Promise<Finding[]> {
  const wanted = [...new Set(needles.map((n) => n.toLowerCase()).filter((n) => n.length >= 3))];
  const findings: Finding[] = [];
  for (const col of await textColumns(db)) {
    const values = rowsOf<{ v: string }>(
      await db.execute(
        sql.raw(
          `select ${quote(col.column)}::text as v from ${quote(col.schema)}.${quote(col.table)} where ${quote(col.column)} is not null`,
        ),
      ),
    );
    for (const { v } of values) {
      const raw = col.type === "bytea" && v.startsWith("\\x") ? Buffer.from(v.slice(2), "hex").toString("utf8") : v;
      const text = readable(raw);
      for (const needle of wanted) {
        const at = text.indexOf(needle);
        if (at >= 0)
          findings.push({
            table: col.table,
            column: col.column,
            needle,
            excerpt: text.slice(Math.max(0, at - 40), at + needle.length + 40),
          });
      }
    }
  }
  return findings;
}
