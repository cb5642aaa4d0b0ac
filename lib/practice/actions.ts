"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { commandAction, formAction, sent, text } from "@/lib/http/form-action";
import { getPracticeSettings } from "@/lib/settings/queries";
import { siteOrigin } from "@/lib/site-url";
import { todayIn } from "@/lib/time/zone";
import { assignExercise, assignmentsOf, endAssignment } from "./assignments";
import { saveExercise } from "./exercises";
import { logPractice, setFeedback } from "./logs";
import { assignmentFormSchema, endAssignmentSchema, exerciseFormSchema, feedbackSchema, practiceLogSchema } from "./schemas";

/** Today in the practice's zone: a practice and an assignment belong to a practice day. */
const practiceToday = async () => todayIn((await getPracticeSettings()).timeZone);
const clientPage = (clientId: string) => revalidatePath(`/coach/klienten/${clientId}`);

/** The coach saves an exercise of their own (new, or an edit); built-in ones cannot be changed. */
export const saveExerciseAction = formAction({
  role: "coach",
  schema: exerciseFormSchema,
  read: (form) => ({
    id: text(form, "id"),
    title: sent(form, "title"),
    summary: text(form, "summary"),
    body: sent(form, "body"),
    minutes: sent(form, "minutes"),
    kind: sent(form, "kind"),
    audioId: text(form, "audioId"),
    archived: sent(form, "archived"),
  }),
  run: async (input, { user }) => {
    const id = await saveExercise(input, user.id);
    revalidatePath("/coach/uebungen");
    revalidatePath("/dashboard/uebungen");
    if (!input.id) redirect(`/coach/uebungen/${id}?hinweis=angelegt`);
    return input.archived ? "Gespeichert. Die Übung ist archiviert und für Klient*innen nicht mehr sichtbar." : "Gespeichert.";
  },
});

/** The coach gives the client (bound on the page) an exercise as homework. */
export const assignExerciseAction = formAction({
  role: "coach",
  schema: assignmentFormSchema.extend({ clientId: z.string() }),
  read: (form, clientId: string) => ({
    clientId: String(clientId),
    exerciseId: sent(form, "exerciseId"),
    frequency: sent(form, "frequency"),
    note: text(form, "note"),
  }),
  run: async (input) => {
    await assignExercise(input.clientId, input, await practiceToday());
    clientPage(input.clientId);
    return "Die Übung ist als Hausaufgabe eingetragen. Sie erscheint ab sofort unter „Übungen“.";
  },
});

/** The coach ends a running assignment of the client (both ids from the page's button). */
export const endAssignmentAction = commandAction({
  role: "coach",
  schema: endAssignmentSchema.extend({ clientId: z.string() }),
  read: (form) => ({ clientId: text(form, "clientId"), assignmentId: text(form, "assignmentId") }),
  run: async (input) => {
    await endAssignment(input.clientId, input.assignmentId, await practiceToday());
    clientPage(input.clientId);
  },
  refused: () => {},
});

/** The client logs a practice of the exercise bound on its page; the answer says what was saved. */
export const logPracticeAction = formAction({
  role: "client",
  schema: practiceLogSchema,
  read: (form, exerciseId: string) => ({
    exerciseId: String(exerciseId),
    minutes: sent(form, "minutes"),
    fearBefore: sent(form, "fearBefore"),
    fearAfter: sent(form, "fearAfter"),
    intensityBefore: sent(form, "intensityBefore"),
    intensityAfter: sent(form, "intensityAfter"),
    note: text(form, "note"),
  }),
  run: async (input, { user }) => {
    const today = await practiceToday();
    await logPractice(user.id, input, today);
    revalidatePath("/dashboard/uebungen");
    revalidatePath(`/dashboard/uebungen/${input.exerciseId}`);
    const assignment = (await assignmentsOf(user.id, today)).find((a) => a.exerciseId === input.exerciseId);
    const week = assignment ? ` Diese Woche: ${assignment.doneThisWeek} von ${assignment.expectedThisWeek}.` : "";
    return (
      `Gespeichert: ${input.minutes} Min., Angst ${input.fearBefore} → ${input.fearAfter}, ` +
      `Stärke ${input.intensityBefore} → ${input.intensityAfter}.${week}`
    );
  },
});

/** The coach answers one practice of the client with short feedback the client sees beside it. */
export const sendFeedbackAction = formAction({
  role: "coach",
  schema: feedbackSchema.extend({ clientId: z.string() }),
  read: (form, clientId: string, logId: string) => ({ clientId: String(clientId), logId: String(logId), feedback: sent(form, "feedback") }),
  run: async (input) => {
    await setFeedback(input.clientId, input, { origin: await siteOrigin() });
    clientPage(input.clientId);
    return "Deine Rückmeldung ist gespeichert und erscheint beim Eintrag.";
  },
});
