import { NextResponse } from "next/server";
import { ZodError } from "zod";

const statusByCode = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  slot_unavailable: 409,
  payload_too_large: 413,
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

/** Turns what a route handler threw into a JSON answer; unknown errors stay 500 and are logged. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.code === "rate_limited" && typeof error.details?.retryAfter === "number") headers["Retry-After"] = String(error.details.retryAfter);
    return NextResponse.json({ error: error.code, message: error.message, ...error.details }, { status: error.status, headers });
  }
  if (error instanceof ZodError) {
    return NextResponse.json({ error: "invalid", issues: error.issues }, { status: 400 });
  }
  console.error(error);
  return NextResponse.json({ error: "internal" }, { status: 500 });
}
