import { NextResponse, type NextRequest } from "next/server";
import { requireApiUser } from "@/lib/auth/guards";
import { uploadImage } from "@/lib/images/upload";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/**
 * The coach uploads an image for an article: the file itself as the body (up to 10 MB, more than
 * a server action takes), from this site only. Answers its id, size and reference for the Markdown.
 */
export async function POST(request: NextRequest) {
  try {
    await requireApiUser("coach");
    const image = await uploadImage(request);
    return NextResponse.json({ image }, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
