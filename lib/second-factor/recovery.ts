import { db as defaultDb, type Db } from "@/db";
import { queueSecurityNotice } from "./notify";
import { passkeyCount } from "./passkeys";
import { normalizeRecoveryCode, replaceRecoveryCodes, takeRecoveryCode, unusedRecoveryCodes } from "./recovery-codes";
import { markSessionVerified } from "./sessions";
import { AppError } from "@/lib/http/errors";
import type { CeremonyContext } from "./webauthn";

/**
 * Proves this session's second factor with one of the person's recovery codes, which is then
 * used up; the owner gets a security email. False if the code is not an unused one of theirs.
 */
export async function redeemRecoveryCode(
  ctx: CeremonyContext,
  typed: string,
  { origin }: { origin: string },
  db: Db = defaultDb,
): Promise<{ ok: true; remaining: number } | { ok: false }> {
  const normalized = normalizeRecoveryCode(typed);
  if (!normalized) return { ok: false };
  return db.transaction(async (tx) => {
    const used = await takeRecoveryCode(tx, ctx.user.id, normalized);
    if (!used) return { ok: false as const };
    await markSessionVerified(tx, ctx.sessionToken, ctx.user.id);
    const remaining = await unusedRecoveryCodes(ctx.user.id, tx);
    await queueSecurityNotice(tx, { userId: ctx.user.id, event: "recovery-code-used", eventId: used.id, origin, remainingCodes: remaining });
    return { ok: true as const, remaining };
  });
}

/** Ten new codes, the old ones void; only for someone with a passkey, from a session that proved it. */
export async function renewRecoveryCodes(userId: string, { origin }: { origin: string }, db: Db = defaultDb): Promise<string[]> {
  return db.transaction(async (tx) => {
    if ((await passkeyCount(tx, userId)) === 0) throw new AppError("invalid", "Richte zuerst einen Passkey ein; die Codes gehören zu ihm.");
    const codes = await replaceRecoveryCodes(tx, userId);
    await queueSecurityNotice(tx, { userId, event: "recovery-codes-renewed", eventId: crypto.randomUUID(), origin });
    return codes;
  });
}
