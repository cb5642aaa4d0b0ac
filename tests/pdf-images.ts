import path from "node:path";
import { pathToFileURL } from "node:url";

export type PdfImage = { width: number; height: number; rgba: Uint8ClampedArray };

/**
 * The raster images painted on a PDF's pages, decoded by pdfjs-dist (the operator list names
 * each image XObject; page.objs holds its decoded pixels), as RGBA for a QR decoder.
 */
export async function pdfImages(data: Uint8Array): Promise<PdfImage[]> {
  const { getDocument, OPS } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const fonts = pathToFileURL(path.join(process.cwd(), "node_modules/pdfjs-dist/standard_fonts/")).href;
  const pdf = await getDocument({ data: new Uint8Array(data), standardFontDataUrl: fonts, verbosity: 0 }).promise;
  const images: PdfImage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const ops = await page.getOperatorList();
    for (let i = 0; i < ops.fnArray.length; i++) {
      if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
      const name = ops.argsArray[i][0] as string;
      const img = (await new Promise((resolve) => page.objs.get(name, resolve))) as {
        width: number;
        height: number;
        data?: Uint8ClampedArray;
        kind?: number;
        bitmap?: unknown;
      };
      if (!img.data) throw new Error(`image ${name} has no pixel data (kind ${img.kind})`);
      images.push({ width: img.width, height: img.height, rgba: toRgba(img.data, img.width, img.height, img.kind) });
    }
  }
  await pdf.destroy();
  return images;
}

/** pdf.js image kinds: 1 = 1 bit grayscale, 2 = RGB 24 bit, 3 = RGBA 32 bit. */
function toRgba(data: Uint8ClampedArray, width: number, height: number, kind?: number): Uint8ClampedArray {
  if (kind === 3) return data;
  const out = new Uint8ClampedArray(width * height * 4);
  if (kind === 2) {
    for (let p = 0; p < width * height; p++) {
      out[p * 4] = data[p * 3]!;
      out[p * 4 + 1] = data[p * 3 + 1]!;
      out[p * 4 + 2] = data[p * 3 + 2]!;
      out[p * 4 + 3] = 255;
    }
    return out;
  }
  if (kind === 1) {
    const rowBytes = Math.ceil(width / 8);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const bit = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
        const v = bit ? 255 : 0;
        out.fill(v, (y * width + x) * 4, (y * width + x) * 4 + 3);
        out[(y * width + x) * 4 + 3] = 255;
      }
    return out;
  }
  throw new Error(`unknown image kind ${kind}`);
}
