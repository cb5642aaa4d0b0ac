import { NextResponse, type NextRequest } from "next/server";
import { uploadAudio } from "@/lib/audio/upload";
import { requireApiUser } from "@/lib/auth/guards";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/**
 * The coach uploads a recording for an exercise: the file itself as the body (up to 30 MB, see
 * server/limits.mjs), from this site only. Answers its id, type and size.
 */
export async function POST(request: NextRequest) {
  try {
    const coach = await requireApiUser("coach");
    const audio = await uploadAudio(request, coach.id);
    return NextResponse.json({ audio }, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
