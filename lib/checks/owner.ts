import { currentUser, type SessionUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/http/errors";

/**
 * Who may keep a result: a signed-in client. Anyone else has taken the check on the public page
 * and is asked to sign in, in the form's words rather than with a 401.
 */
export async function selfCheckOwner(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user || user.role !== "client") throw new AppError("unauthorized", "Melde dich an, um dein Ergebnis zu speichern.");
  return user;
}
