import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * A PDF's text, page by page, read with pdfjs-dist's legacy build (runs in Node, no system tool).
 * Items of one line are joined as pdf.js reports them; lines end where pdf.js says a line ends.
 */
export async function pdfText(data: Uint8Array): Promise<string[]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const fonts = pathToFileURL(path.join(process.cwd(), "node_modules/pdfjs-dist/standard_fonts/")).href;
  const pdf = await getDocument({ data: new Uint8Array(data), standardFontDataUrl: fonts, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await pdf.destroy();
  return pages;
}
