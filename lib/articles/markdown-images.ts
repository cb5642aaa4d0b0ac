// Images in an article: which uploaded images it shows, what the editor refuses, and how each
// <img> is finished after sanitizing (lib/articles/markdown.ts). Pure.
import type { Element, Nodes, Root } from "hast";
import { responsiveImage, uploadedImageId, type ImageInfo } from "@/lib/images/paths";
import { safeTree } from "./markdown-safe";

function imagesOf(tree: Root): Element[] {
  const found: Element[] = [];
  const walk = (node: Nodes) => {
    if (node.type === "element" && node.tagName === "img") found.push(node);
    if ("children" in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return found;
}

const srcOf = (node: Element) => (typeof node.properties.src === "string" ? node.properties.src : null);
const altOf = (node: Element) => (typeof node.properties.alt === "string" ? node.properties.alt.trim() : "");

/** The ids of the uploaded images an article's Markdown shows, in order, each once. */
export function uploadedImageIds(markdown: string): string[] {
  const ids = imagesOf(safeTree(markdown)).map((node) => uploadedImageId(srcOf(node) ?? ""));
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** Whether an address leads to another site: absolute, protocol-relative ("//host") or what browsers read as such ("/\host"). */
function isOtherSite(src: string): boolean {
  const here = "https://site.invalid";
  try {
    return new URL(src, here).origin !== here;
  } catch {
    return false;
  }
}

/**
 * What keeps an article's images from showing to readers: an image from another site (the site's
 * Content-Security-Policy loads images only from the site itself; the upload is the way in), and
 * uploaded images without a text for people who cannot see them.
 */
export function imageProblems(markdown: string): { foreign: boolean; withoutAlt: boolean } {
  const found = imagesOf(safeTree(markdown)).filter((node) => srcOf(node) !== null);
  return {
    foreign: found.some((node) => isOtherSite(srcOf(node)!)),
    withoutAlt: found.some((node) => uploadedImageId(srcOf(node)!) !== null && altOf(node) === ""),
  };
}

/**
 * Finishes one <img> of the sanitized tree; false means "leave it out". An uploaded image gets its
 * widths (srcset), its size (no layout shift) and lazy loading; one that is not in the store, or any
 * image from another site (which the CSP would block), is left out; other own paths stay as written.
 */
export function finishImage(node: Element, images: ReadonlyMap<string, ImageInfo>, isForeign: (src: string) => boolean): boolean {
  const src = srcOf(node);
  if (src === null || isForeign(src)) return false;
  const id = uploadedImageId(src);
  if (id !== null) {
    const info = images.get(id);
    if (!info) return false;
    Object.assign(node.properties, responsiveImage(info));
  }
  node.properties.loading = "lazy";
  node.properties.decoding = "async";
  // No alt at all fails accessibility checks; an empty one marks the image decorative.
  if (node.properties.alt === undefined) node.properties.alt = "";
  return true;
}
