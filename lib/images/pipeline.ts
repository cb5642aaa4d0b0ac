import sharp from "sharp";
import { AppError } from "@/lib/http/errors";

/** The widths an image is stored in (never wider than the upload itself). */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;
const LARGEST_WIDTH = 1600;
/** What a phone photo needs: 50 MP covers every common camera; a decompression bomb is far above. */
export const MAX_INPUT_PIXELS = 50_000_000;
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp"]);
const WEBP_QUALITY = 80;

export type Variant = { width: number; height: number; data: Uint8Array };
export type ProcessedImage = { width: number; height: number; variants: Variant[] };

const notAnImage = () =>
  new AppError("unsupported_media_type", "Diese Datei ist kein Foto im Format JPEG, PNG oder WebP. Bitte wähle ein solches Bild aus.");

/** The widths to make for an image `width` pixels wide: each standard width below it, and its own up to the largest. */
export function variantWidths(width: number): number[] {
  const largest = Math.min(width, LARGEST_WIDTH);
  return [...IMAGE_WIDTHS.filter((w) => w < largest), largest];
}

/**
 * Decodes an uploaded file and re-encodes it as WebP in each width. What the file is decides
 * libvips from its bytes, not its name or the request's type: only JPEG, PNG and WebP pass (SVG,
 * GIF, HEIC and anything unreadable are refused); its pixel count is checked from the header before
 * anything is decoded, and again by libvips while decoding. It is turned upright by its EXIF
 * orientation first; the output carries no metadata at all (no EXIF, no GPS position).
 */
export async function processImage(bytes: Uint8Array): Promise<ProcessedImage> {
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error", animated: false } as const;
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch {
    throw notAnImage();
  }
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format) || !metadata.width || !metadata.height) throw notAnImage();
  if (metadata.width * metadata.height > MAX_INPUT_PIXELS) {
    throw new AppError(
      "invalid",
      `Das Bild hat zu viele Bildpunkte (${metadata.width} × ${metadata.height}). Höchstens 50 Megapixel, bitte verkleinere es vorher.`,
    );
  }
  try {
    // Upright first (the EXIF orientation turned into pixels): the size after that is what readers see.
    const { width } = metadata.autoOrient;
    const variants: Variant[] = [];
    for (const target of variantWidths(width)) {
      const { data, info } = await sharp(bytes, options)
        .autoOrient()
        .resize({ width: target, withoutEnlargement: true })
        .webp({ quality: WEBP_QUALITY })
        .toBuffer({ resolveWithObject: true });
      variants.push({ width: info.width, height: info.height, data: new Uint8Array(data) });
    }
    const largest = variants[variants.length - 1]!;
    return { width: largest.width, height: largest.height, variants };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notAnImage();
  }
}
