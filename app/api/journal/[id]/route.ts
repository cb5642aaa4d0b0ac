import { NextResponse, type NextRequest } from "next/server";
import { requireApiUser } from "@/lib/auth/guards";
import { errorResponse } from "@/lib/http/errors";
import { enforceRateLimit } from "@/lib/rate-limit/rules";
import { readJson, refuseCrossOrigin } from "@/lib/http/json-body";
import { deleteEntry, getEntry, updateEntry } from "@/lib/journal/queries";
import { journalPatchSchema } from "@/lib/journal/schemas";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: NextRequest, { params }: Context) {
  try {
    const user = await requireApiUser("client");
    return NextResponse.json({ entry: await getEntry(user.id, (await params).id) }, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function PATCH(request: NextRequest, { params }: Context) {
  try {
    const user = await requireApiUser("client");
    await enforceRateLimit("journalWrite", user.id);
    const patch = journalPatchSchema.parse(await readJson(request));
    return NextResponse.json({ entry: await updateEntry(user.id, (await params).id, patch) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(request: NextRequest, { params }: Context) {
  try {
    refuseCrossOrigin(request);
    const user = await requireApiUser("client");
    await enforceRateLimit("journalWrite", user.id);
    await deleteEntry(user.id, (await params).id);
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
