import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/http/errors";
import { secondFactorContext } from "@/lib/second-factor/context";
import { startPasskeyAuthentication } from "@/lib/second-factor/webauthn";

export const dynamic = "force-dynamic";

/** Options for navigator.credentials.get() with the person's own passkeys. */
export async function POST() {
  try {
    const options = await startPasskeyAuthentication(await secondFactorContext());
    return NextResponse.json({ options }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
