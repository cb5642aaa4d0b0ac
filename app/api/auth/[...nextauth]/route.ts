import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { readAuthForm } from "@/lib/auth/auth-request";
import { publicSession } from "@/lib/auth/public-session";
import { limitSignInRequest } from "@/lib/auth/sign-in-limits";
import { errorResponse } from "@/lib/http/errors";

/** Auth.js's own answers, except that the session endpoint says only what the browser uses. */
export async function GET(request: NextRequest) {
  const response = await handlers.GET(request);
  if (!request.nextUrl.pathname.endsWith("/session") || !response.ok) return response;
  return publicSession(response);
}

/**
 * Every POST to Auth.js is read with a limit and must be a form with each field once (see
 * readAuthForm). Requests for a sign-in link count against the same limits as the form, by the
 * address Auth.js will use (lib/auth/identifier.ts).
 */
export async function POST(request: NextRequest) {
  try {
    const { form, forward } = await readAuthForm(request);
    if (/\/signin(\/|$)/.test(request.nextUrl.pathname)) await limitSignInRequest(form.get("email") ?? "");
    return await handlers.POST(forward);
  } catch (error) {
    return errorResponse(error);
  }
}
