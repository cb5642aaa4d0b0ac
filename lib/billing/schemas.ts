import { z } from "zod";
import { isValidDate } from "@/lib/time/dates";

/** A calendar day as the date fields send it (YYYY-MM-DD), a real day. */
const day = z.iso.date().refine(isValidDate);

/** The period of the export for the tax advisor: issue dates (and payment dates) from `von` to `bis`. */
export const taxExportPeriodSchema = z.object({ von: day, bis: day }).strict();
