import { audioBytes, audioFor } from "@/lib/audio/store";
import { audioResponse } from "@/lib/audio/serve";
import { requireApiUser } from "@/lib/auth/guards";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Diese Aufnahme gibt es nicht.", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

/**
 * An exercise's recording, /audio/<id>, with Range requests (phones need them to play). Only
 * signed-in people: the coach hears every recording, a client those of the library's exercises.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser();
    const { id } = await params;
    const file = await audioFor(id, { id: user.id, role: user.role === "coach" ? "coach" : "client" });
    return file ? await audioResponse(request, file, (start, end) => audioBytes(file.id, start, end)) : notFound();
  } catch (error) {
    return errorResponse(error);
  }
}
