import { createHash, createHmac, randomBytes } from "node:crypto";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { recoveryCodes } from "@/db/schema";
import { authSecret } from "@/lib/env";

export const RECOVERY_CODE_COUNT = 10;
/** 32 letters and digits without 0/O and 1/I, which people confuse: 10 of them carry 50 bits. */
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const RAW_LENGTH = 10;

/** "K7QX2-MP9RT": five, a hyphen, five. */
export function newRecoveryCode(): string {
  const raw = [...randomBytes(RAW_LENGTH)].map((b) => ALPHABET[b & 31]).join("");
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/** What the person typed, the way it was issued (capitals, no spaces or hyphens); null if it cannot be a code. */
export function normalizeRecoveryCode(input: string): string | null {
  const s = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-‐‑–—]/g, "");
  return s.length === RAW_LENGTH && [...s].every((c) => ALPHABET.includes(c)) ? s : null;
}

/** Keyed with a pepper from AUTH_SECRET, so a copy of the database alone cannot test guesses. */
export function hashRecoveryCode(normalized: string): string {
  const pepper = createHash("sha256").update(`recovery-codes\u0000${authSecret()}`).digest();
  return createHmac("sha256", pepper).update(normalized).digest("hex");
}

/** Ten new codes for the person, voiding every earlier one; the plain codes exist only in the answer. */
export async function replaceRecoveryCodes(tx: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(normalizeRecoveryCode(code)!) })));
  return codes;
}

/** Uses up the code if it is one of the person's unused ones (one statement: two tries cannot both win). */
export async function takeRecoveryCode(tx: Db, userId: string, normalized: string): Promise<{ id: string } | null> {
  const [row] = await tx
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(normalized)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return row ?? null;
}

export async function unusedRecoveryCodes(userId: string, db: Db = defaultDb): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}
