import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/http/errors";
import { secondFactorContext } from "@/lib/second-factor/context";
import { startPasskeyRegistration } from "@/lib/second-factor/webauthn";

export const dynamic = "force-dynamic";

/** Options for navigator.credentials.create(): the first passkey right after the magic link, further ones with the second factor. */
export async function POST() {
  try {
    const options = await startPasskeyRegistration(await secondFactorContext());
    return NextResponse.json({ options }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
