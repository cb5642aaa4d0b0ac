import { IMAGE_UPLOAD_LIMIT_BYTES } from "@/server/limits.mjs";
import { AppError } from "@/lib/http/errors";
import { refuseCrossOrigin } from "@/lib/http/json-body";
import { readLimitedBytes } from "@/lib/http/limited-body";
import { imageReference, type ImageInfo } from "./paths";
import { processImage } from "./pipeline";
import { saveImage } from "./store";

/** The types a browser names for the files the upload takes; what the file really is decides the decoder. */
const UPLOAD_TYPES = /^image\/(jpeg|png|webp)\s*$/i;

/** Reads, checks, re-encodes and stores the image a request carries (the caller checked who asks). */
export async function uploadImage(request: Request): Promise<ImageInfo & { src: string }> {
  refuseCrossOrigin(request);
  const type = request.headers.get("content-type")?.trim() ?? "";
  if (!UPLOAD_TYPES.test(type)) {
    throw new AppError("unsupported_media_type", "Bitte lade ein Foto im Format JPEG, PNG oder WebP hoch.");
  }
  let bytes: Uint8Array;
  try {
    bytes = await readLimitedBytes(request, IMAGE_UPLOAD_LIMIT_BYTES);
  } catch (error) {
    if (error instanceof AppError && error.code === "payload_too_large") {
      throw new AppError("payload_too_large", "Das Bild ist größer als 10 MB. Bitte verkleinere es vorher oder wähle ein anderes.");
    }
    throw error;
  }
  if (bytes.byteLength === 0) throw new AppError("invalid", "Die Datei ist leer. Bitte wähle ein Bild aus.");
  const info = await saveImage(await processImage(bytes));
  return { ...info, src: imageReference(info.id) };
}
