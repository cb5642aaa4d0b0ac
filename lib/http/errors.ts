import { DrizzleQueryError } from "drizzle-orm/errors";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { sqlStateOf } from "@/lib/sql/state";

const statusByCode = {
  invalid: 400,
  unauthorized: 401,
  /** Signed in by magic link, but the passkey or recovery code this account needs is still missing. */
  second_factor_required: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  slot_unavailable: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof statusByCode;

/** A failure the user can understand: a code for APIs, a German message for forms. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
  get status() {
    return statusByCode[this.code];
  }
}

/** Seconds a client is asked to wait while the database is unreachable (a restart takes a few). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** postgres.js's own codes for a connection that is gone or never came. */
const connectionCodes = new Set([
  "CONNECTION_ENDED",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * Whether an error means "the database is not there right now" rather than "this query is
 * wrong": lost or refused connections, and the SQLSTATEs of a server shutting down or starting
 * (57P01-57P03), out of connections (53300) or of a connection failure (class 08).
 * Drizzle wraps the driver's error in `cause`, so the chain is walked.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (connectionCodes.has(code) || /^57P0[123]$/.test(code) || code === "53300" || code.startsWith("08")) return true;
  }
  return false;
}

/** The 503 an API answers while the database is away: the client may simply try again. */
export function unavailableResponse(): NextResponse {
  return NextResponse.json(
    { error: "unavailable", message: "Der Dienst ist gerade nicht erreichbar. Bitte versuche es gleich noch einmal." },
    { status: 503, headers: { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS), "cache-control": "no-store" } },
  );
}

/** Turns what a route handler threw into a JSON answer; unknown errors stay 500 and are logged. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.code === "rate_limited" && typeof error.details?.retryAfter === "number")
      headers["Retry-After"] = String(error.details.retryAfter);
    return NextResponse.json({ error: error.code, message: error.message, ...error.details }, { status: error.status, headers });
  }
  if (error instanceof ZodError) {
    return NextResponse.json({ error: "invalid", issues: error.issues }, { status: 400 });
  }
  if (isDatabaseUnavailable(error)) {
    console.error("database unavailable:", reasonOf(error));
    return unavailableResponse();
  }
  console.error(loggable(error));
  return NextResponse.json({ error: "internal" }, { status: 500 });
}

/**
 * An error as the log may keep it. A failed query (drizzle's DrizzleQueryError, anywhere in the
 * cause chain) carries the query's parameters in its message and fields: addresses, names, the text
 * of a journal entry. It is logged as its database error and SQLSTATE only; anything else as it is,
 * with its stack.
 */
export function loggable(error: unknown): unknown {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof DrizzleQueryError) return reasonOf(error);
  }
  return error;
}

/**
 * One line for the log: the innermost cause's name and message, with its SQLSTATE. Never the message
 * of a failed query itself, which is drizzle's "Failed query: … params: …".
 */
export function reasonOf(error: unknown): string {
  let inner = error;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  const state = sqlStateOf(error);
  const message = inner instanceof Error ? `${inner.name}: ${inner.message}` : String(inner);
  return state ? `${message} (SQLSTATE ${state})` : message;
}
