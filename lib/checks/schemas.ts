import { z } from "zod";
import { isComplete, parseAnswers, type SelfCheckAnswers } from "./self-check";

/** A whole self-check as the browser sends it: every question of the current version answered. */
export const selfCheckAnswersSchema = z.unknown().transform((input, ctx): SelfCheckAnswers => {
  const answers = parseAnswers(input);
  if (answers && isComplete(answers)) return answers;
  ctx.addIssue({ code: "custom", message: "Die Antworten waren unvollständig. Bitte versuche es noch einmal." });
  return z.NEVER;
});
