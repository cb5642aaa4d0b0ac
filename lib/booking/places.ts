import { z } from "zod";
import type { Appointment, AvailabilitySettings } from "@/db/schema";
import { isSingleLine } from "@/lib/validation/single-line";

/*
 * Where a consultation takes place: the place the coach set on the appointment, else the default
 * for its channel from the booking settings (a video link, a note for phone calls, an address).
 * A video link is https only: it goes into emails and calendars as a link people click.
 */

export type PlaceDefaults = Pick<AvailabilitySettings, "videoLink" | "phoneNote" | "inPersonAddress">;

export function defaultPlace(channel: Appointment["channel"], defaults: PlaceDefaults): string | null {
  const value = channel === "video" ? defaults.videoLink : channel === "phone" ? defaults.phoneNote : defaults.inPersonAddress;
  return value?.trim() || null;
}

/** The place of a consultation as its emails, invitation and manage page name it; null when none is set. */
export function placeOf(appointment: Pick<Appointment, "channel" | "location">, defaults: PlaceDefaults): string | null {
  return appointment.location?.trim() || defaultPlace(appointment.channel, defaults);
}

export function isHttpsLink(value: string): boolean {
  return /^https:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/.test(value);
}

const noControl = (v: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v);
const empty = (v: string) => (v ? v : null);

const videoLink = z
  .string()
  .trim()
  .max(500, "Der Link ist zu lang (höchstens 500 Zeichen).")
  .refine((v) => v === "" || isHttpsLink(v), "Bitte gib einen vollständigen Link an, der mit https:// beginnt.")
  .transform(empty);
const note = (what: string) =>
  z
    .string()
    .trim()
    .max(300, `${what} ist zu lang (höchstens 300 Zeichen).`)
    .refine((v) => isSingleLine(v) && noControl(v), `${what} darf nur eine Zeile ohne Steuerzeichen sein.`)
    .transform(empty);

/** The coach's defaults per channel (booking settings). */
export const placeDefaultsSchema = z.object({
  videoLink,
  phoneNote: note("Der Hinweis"),
  inPersonAddress: note("Die Adresse"),
});

/** The place the coach sets on one consultation, checked by its channel; empty = the default again. */
export function placeSchemaFor(channel: Appointment["channel"]) {
  return channel === "video" ? videoLink : note(channel === "phone" ? "Der Hinweis" : "Die Adresse");
}
