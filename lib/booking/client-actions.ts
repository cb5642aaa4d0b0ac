"use server";

import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/http/errors";
import { siteOrigin } from "@/lib/site-url";
import { cancelByClient } from "@/lib/appointments/client";
import { cancelReasonSchema } from "./schemas";

export async function cancelOwnAppointmentAction(
  id: string,
  _previous: { message?: string; ok?: boolean },
  form: FormData,
): Promise<{ message?: string; ok?: boolean }> {
  const user = await requireActionUser("client");
  const reason = cancelReasonSchema.safeParse(String(form.get("reason") ?? ""));
  if (!reason.success) return { message: reason.error.issues[0]?.message };
  try {
    await cancelByClient(user.id, String(id), reason.data, await siteOrigin());
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    throw error;
  }
  revalidatePath("/dashboard/termine");
  revalidatePath("/dashboard");
  return { ok: true };
}
