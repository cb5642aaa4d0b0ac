import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/guards";
import { errorResponse } from "@/lib/http/errors";
import { listCheckins } from "@/lib/outcomes/queries";

export const dynamic = "force-dynamic";

/** The signed-in client's own outcome check-ins, oldest first. */
export async function GET() {
  try {
    const user = await requireApiUser("client");
    const checkins = await listCheckins(user.id);
    return NextResponse.json(
      { checkins: checkins.map(({ userId: _owner, coachSeenAt: _seen, ...c }) => c) },
      { headers: { "cache-control": "private, no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
