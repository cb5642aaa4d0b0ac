"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/guards";
import { saveSelfCheck } from "./results";
import { isComplete, parseAnswers, type SelfCheckAnswers } from "./self-check";

/** Saves a signed-in client's self-check; anonymous results never reach the server. */
export async function saveSelfCheckAction(answers: SelfCheckAnswers): Promise<{ ok: boolean; message?: string }> {
  const user = await currentUser();
  if (!user || user.role !== "client") return { ok: false, message: "Melde dich an, um dein Ergebnis zu speichern." };
  const parsed = parseAnswers(answers);
  if (!parsed || !isComplete(parsed)) return { ok: false, message: "Die Antworten waren unvollständig. Bitte versuche es noch einmal." };
  await saveSelfCheck(user.id, parsed);
  revalidatePath("/dashboard/selbsttest");
  revalidatePath("/dashboard");
  return { ok: true };
}
