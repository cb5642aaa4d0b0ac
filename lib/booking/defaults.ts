import type { WeeklyHoursJson } from "../../db/schema/booking";

/** The hours a new practice starts with, until the coach sets their own. */
export const DEFAULT_WEEKLY: WeeklyHoursJson = {
  "1": [
    { start: "09:00", end: "12:00" },
    { start: "14:00", end: "17:00" },
  ],
  "2": [
    { start: "09:00", end: "12:00" },
    { start: "14:00", end: "17:00" },
  ],
  "3": [{ start: "09:00", end: "12:00" }],
  "4": [
    { start: "09:00", end: "12:00" },
    { start: "14:00", end: "18:00" },
  ],
  "5": [{ start: "09:00", end: "13:00" }],
};
