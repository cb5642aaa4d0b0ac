"use server";

import { revalidatePath } from "next/cache";
import { callAction } from "@/lib/http/form-action";
import { selfCheckOwner } from "./owner";
import { saveSelfCheck } from "./results";
import { selfCheckAnswersSchema } from "./schemas";
import type { SelfCheckAnswers } from "./self-check";

type SaveAnswer = { ok: boolean; message?: string };

/** Saves a signed-in client's self-check; anonymous results never reach the server. */
export const saveSelfCheckAction = callAction({
  guard: selfCheckOwner,
  schema: selfCheckAnswersSchema,
  read: (answers: SelfCheckAnswers) => answers,
  run: async (answers, { user }): Promise<SaveAnswer> => {
    await saveSelfCheck(user.id, answers);
    revalidatePath("/dashboard/selbsttest");
    revalidatePath("/dashboard");
    return { ok: true };
  },
  failure: ({ message }) => ({ ok: false, message }),
});
