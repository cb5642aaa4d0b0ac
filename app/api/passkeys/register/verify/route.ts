import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/json-body";
import { secondFactorContext } from "@/lib/second-factor/context";
import { registrationVerifySchema } from "@/lib/second-factor/schemas";
import { finishPasskeyRegistration } from "@/lib/second-factor/webauthn";
import { siteOrigin } from "@/lib/site-url";

export const dynamic = "force-dynamic";

/** Stores the new passkey; the first one also answers with the ten recovery codes, once. */
export async function POST(request: NextRequest) {
  try {
    const ctx = await secondFactorContext();
    const input = registrationVerifySchema.parse(await readJson(request));
    const result = await finishPasskeyRegistration(ctx, input, { origin: await siteOrigin() });
    return NextResponse.json(result, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
