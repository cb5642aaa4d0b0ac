"use server";

import { revalidatePath } from "next/cache";
import { commandAction, fields, formAction } from "@/lib/http/form-action";
import { getPracticeSettings } from "@/lib/settings/queries";
import { todayIn } from "@/lib/time/zone";
import { uuidSchema } from "@/lib/sql/uuid";
import { decideSuggestion, deleteEvidence, saveEvidence } from "./queries";
import { evidenceIdSchema, safetyEvidenceSchema, suggestionDecisionSchema } from "./schemas";

const CLIENT_PAGE = "/dashboard/beobachtungen";
const coachPage = (clientId: string) => `/coach/klienten/${clientId}`;
const evidenceFields = ["id", "text", "observedOn", "journalEntryId"] as const;

/** The client adds or changes an observation of their own. */
export const saveOwnEvidenceAction = formAction({
  role: "client",
  schema: safetyEvidenceSchema,
  read: (form) => fields(form, evidenceFields),
  run: async (input, { user }) => {
    await saveEvidence(user.id, { id: user.id, role: "client" }, input);
    revalidatePath(CLIENT_PAGE);
    return input.id ? "Geändert." : "Gespeichert. Schön, dass du es festgehalten hast.";
  },
});

/** The client deletes an observation they wrote. */
export const deleteOwnEvidenceAction = commandAction({
  role: "client",
  schema: evidenceIdSchema,
  read: (form) => fields(form, ["id"]),
  run: async ({ id }, { user }) => {
    await deleteEvidence(user.id, { id: user.id, role: "client" }, id);
    revalidatePath(CLIENT_PAGE);
  },
  refused: () => {},
});

/** The coach adds or changes an observation for a client (bound: the client's id). */
export const saveClientEvidenceAction = formAction({
  role: "coach",
  schema: safetyEvidenceSchema.safeExtend({ clientId: uuidSchema }),
  read: (form, clientId: string) => ({ ...fields(form, evidenceFields), clientId: String(clientId) }),
  run: async (input, { user }) => {
    await saveEvidence(input.clientId, { id: user.id, role: "coach" }, input);
    revalidatePath(coachPage(input.clientId));
    return input.id ? "Geändert." : "Gespeichert. Die Person sieht die Beobachtung in ihrem Bereich.";
  },
});

/** The coach deletes an observation the coach wrote or confirmed. */
export const deleteClientEvidenceAction = commandAction({
  role: "coach",
  schema: evidenceIdSchema.extend({ clientId: uuidSchema }),
  read: (form) => fields(form, ["id", "clientId"]),
  run: async ({ id, clientId }, { user }) => {
    await deleteEvidence(clientId, { id: user.id, role: "coach" }, id);
    revalidatePath(coachPage(clientId));
  },
  refused: () => {},
});

/** The coach confirms (with the text the client will read) or dismisses a suggestion. */
export const decideSuggestionAction = formAction({
  role: "coach",
  schema: suggestionDecisionSchema.safeExtend({ clientId: uuidSchema }),
  read: (form, clientId: string) => ({ ...fields(form, ["rule", "evidenceKey", "decision", "text"]), clientId: String(clientId) }),
  run: async (input, { user }) => {
    const settings = await getPracticeSettings();
    await decideSuggestion(input.clientId, user.id, input, todayIn(settings.timeZone));
    revalidatePath(coachPage(input.clientId));
    return input.decision === "confirm"
      ? "Bestätigt. Die Person sieht die Beobachtung jetzt."
      : "Verworfen. Dieser Vorschlag kommt nicht wieder.";
  },
});
