import { z } from "zod";

/** The canonical text form of a uuid. Anything else would make PostgreSQL's uuid cast fail (22P02, a 500). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` can be compared with a uuid column; ids from URLs and forms are checked with it first. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** The same check as a zod schema, for ids in forms and bound values. */
export const uuidSchema = z.string().refine(isUuid, "Unbekannte Kennung.");
