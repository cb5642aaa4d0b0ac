"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, sent } from "@/lib/http/form-action";
import { siteOrigin } from "@/lib/site-url";
import { uuidSchema } from "@/lib/sql/uuid";
import { saveSessionRecord } from "./queries";
import { cancelSession, rescheduleSession, scheduleSession } from "./schedule";
import { setOutcome } from "@/lib/appointments/outcome";
import { cancelSessionSchema, rescheduleSessionSchema, scheduleSessionSchema, sessionOutcomeSchema, sessionRecordSchema } from "./schemas";

/** The client's page shows the change at once. */
const refresh = (clientId: string) => revalidatePath(`/coach/klienten/${clientId}`);

/** Which session of which client: the ids the page bound to the form. */
const session = { clientId: z.string(), id: z.string() };

export const scheduleSessionAction = formAction({
  role: "coach",
  schema: scheduleSessionSchema,
  read: (form, clientId: string) => ({
    clientId: String(clientId),
    date: sent(form, "date"),
    time: sent(form, "time"),
    sessionTypeId: sent(form, "sessionTypeId"),
    location: sent(form, "location"),
    noteToClient: sent(form, "noteToClient"),
    repeatWeekly: sent(form, "repeatWeekly"),
  }),
  run: async (input) => {
    const rows = await scheduleSession(input, { origin: await siteOrigin() });
    refresh(input.clientId);
    return rows.length > 1
      ? `${rows.length} Sitzungen eingetragen. Die Einladung ist unterwegs.`
      : "Sitzung eingetragen. Die Einladung ist unterwegs.";
  },
});

export const rescheduleSessionAction = formAction({
  role: "coach",
  schema: rescheduleSessionSchema.extend(session),
  read: (form, clientId: string, id: string) => ({
    clientId: String(clientId),
    id: String(id),
    date: sent(form, "date"),
    time: sent(form, "time"),
    reason: sent(form, "reason"),
  }),
  run: async (input) => {
    await rescheduleSession(input.id, input, { origin: await siteOrigin() });
    refresh(input.clientId);
    return "Verschoben. Die neue Einladung ist unterwegs.";
  },
});

export const cancelSessionAction = formAction({
  role: "coach",
  schema: cancelSessionSchema.extend(session),
  read: (form, clientId: string, id: string) => ({
    clientId: String(clientId),
    id: String(id),
    reason: sent(form, "reason"),
    by: sent(form, "by"),
  }),
  run: async (input) => {
    await cancelSession(input.id, input.reason, { origin: await siteOrigin(), by: input.by });
    refresh(input.clientId);
    return "Abgesagt. Die Absage ist unterwegs.";
  },
});

/** "Stattgefunden" or "Nicht erschienen" for a session that has begun; a held one draws a package credit. */
export const recordSessionOutcomeAction = formAction({
  role: "coach",
  firstIssueAsMessage: true,
  schema: sessionOutcomeSchema.extend({ clientId: z.string(), id: uuidSchema }),
  read: (form, clientId: string, id: string) => ({ clientId: String(clientId), id: String(id), outcome: sent(form, "outcome") }),
  run: async (input) => {
    await setOutcome(input.id, input.outcome);
    refresh(input.clientId);
    return input.outcome === "completed" ? "Als stattgefunden vermerkt." : "Als nicht erschienen vermerkt.";
  },
});

export const saveSessionRecordAction = formAction({
  role: "coach",
  schema: sessionRecordSchema.extend(session),
  read: (form, clientId: string, id: string) => ({
    clientId: String(clientId),
    id: String(id),
    notes: sent(form, "notes"),
    homework: sent(form, "homework"),
  }),
  run: async (input) => {
    await saveSessionRecord(input.id, input);
    refresh(input.clientId);
    return "Gespeichert.";
  },
});
