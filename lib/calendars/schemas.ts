import { z } from "zod";
import { uuidSchema } from "@/lib/sql/uuid";
import { isSingleLine, singleLineMessage } from "@/lib/validation/single-line";

/** Printable, one line, trimmed, at most `max` characters. */
const line = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${label}: bitte ausfüllen.`)
    .max(max, `${label}: höchstens ${max} Zeichen.`)
    .refine(isSingleLine, singleLineMessage(label));

const address = (label: string) =>
  line(label, 2000).refine(
    (v) => /^https?:\/\//i.test(v) || /^webcals?:\/\//i.test(v),
    `${label}: bitte die vollständige Adresse, beginnend mit https://.`,
  );

/** A CalDAV account: iCloud, Nextcloud, mailbox.org, posteo, Fastmail … with an app password. */
export const caldavConnectionSchema = z.object({
  label: line("Name", 80),
  serverUrl: address("Server-Adresse"),
  username: line("Benutzername", 200),
  // A password may hold spaces (iCloud shows its app passwords in groups): kept as typed, one line.
  password: z
    .string()
    .min(1, "Passwort: bitte ausfüllen.")
    .max(200, "Passwort: höchstens 200 Zeichen.")
    .refine(isSingleLine, singleLineMessage("Passwort")),
});

/** A read-only subscription (Google's secret iCal address, Outlook's published calendar); webcal:// becomes https://. */
export const icalConnectionSchema = z.object({
  label: line("Name", 80),
  url: address("Abo-Adresse").transform((v) => v.replace(/^webcals?:\/\//i, "https://")),
});

const onOff = z.enum(["on", "off"]).transform((v) => v === "on");

/** Which calendars of a connection count as busy, and whether the agenda shows their titles. */
export const calendarChoicesSchema = z.object({
  connectionId: uuidSchema,
  busy: z.array(uuidSchema).max(100),
  showTitles: onOff,
});

/** The one calendar appointments are written to ("" = none), and whether titles carry full names. */
export const writebackSchema = z.object({
  calendarId: z.union([z.literal(""), uuidSchema]).transform((v) => (v === "" ? null : v)),
  fullNames: onOff,
});

export const removeConnectionSchema = z.object({ id: uuidSchema });
