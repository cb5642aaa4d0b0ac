import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/http/errors";
import { imageVariant } from "@/lib/images/store";

export const dynamic = "force-dynamic";

const notFound = () =>
  new NextResponse("Dieses Bild gibt es nicht.", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

/**
 * An uploaded image in one width, /bilder/<id>/<width>.webp. Its bytes never change (a new upload
 * is a new id), so browsers and proxies keep it for a year without asking again.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  try {
    const { id, file } = await params;
    const width = /^([1-9][0-9]{0,4})\.webp$/.exec(file)?.[1];
    if (!width) return notFound();
    const data = await imageVariant(id, Number(width));
    if (!data) return notFound();
    return new NextResponse(data as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": "image/webp",
        "content-length": String(data.byteLength),
        "cache-control": "public, max-age=31536000, immutable",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
