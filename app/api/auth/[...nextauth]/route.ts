import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { limitSignInRequest } from "@/lib/auth/sign-in-limits";
import { errorResponse } from "@/lib/http/errors";

export const { GET } = handlers;

/** Requests for a sign-in link straight to Auth.js count against the same limits as the form. */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/signin/resend")) {
    try {
      const form = await request
        .clone()
        .formData()
        .catch(() => null); // not a form: Auth.js refuses it itself
      await limitSignInRequest(String(form?.get("email") ?? ""));
    } catch (error) {
      return errorResponse(error);
    }
  }
  return handlers.POST(request);
}
