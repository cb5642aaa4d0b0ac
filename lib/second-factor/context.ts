import { unauthorized } from "next/navigation";
import { sessionState } from "@/lib/auth/guards";
import { currentSessionToken } from "@/lib/auth/session-cookie";
import { AppError } from "@/lib/http/errors";
import type { SecondFactorStatus } from "./policy";
import type { CeremonyContext } from "./webauthn";

export type SecondFactorContext = CeremonyContext & {
  user: { id: string; email?: string | null; name?: string | null; role: "coach" | "client" };
  status: SecondFactorStatus;
  enrolled: boolean;
};

/**
 * For the steps that complete a sign-in (the passkey routes, the recovery code): any signed-in
 * session, also one that still owes its second factor; anonymous visitors get a 401.
 */
export async function secondFactorContext(): Promise<SecondFactorContext> {
  const state = await sessionState();
  const sessionToken = await currentSessionToken();
  if (!state || !sessionToken) throw new AppError("unauthorized", "Bitte melde dich an.");
  return {
    user: state.user,
    sessionToken,
    status: state.secondFactor,
    enrolled: state.enrolled,
    verified: state.secondFactor === "verified",
  };
}

/** The same for a server action: an anonymous caller gets Next's 401 (an AppError there would be the form's message). */
export async function secondFactorActionContext(): Promise<SecondFactorContext> {
  return secondFactorContext().catch((error: unknown) => {
    if (error instanceof AppError && error.code === "unauthorized") unauthorized();
    throw error;
  });
}
