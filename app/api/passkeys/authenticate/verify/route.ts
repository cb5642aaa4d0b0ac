import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/json-body";
import { secondFactorContext } from "@/lib/second-factor/context";
import { authenticationVerifySchema } from "@/lib/second-factor/schemas";
import { finishPasskeyAuthentication } from "@/lib/second-factor/webauthn";

export const dynamic = "force-dynamic";

/** Records on this session that it proved one of the person's passkeys. */
export async function POST(request: NextRequest) {
  try {
    const ctx = await secondFactorContext();
    const input = authenticationVerifySchema.parse(await readJson(request));
    await finishPasskeyAuthentication(ctx, input);
    return NextResponse.json({ ok: true }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
