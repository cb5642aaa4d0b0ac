// Where an uploaded image lives on the site, and how a page asks for the right width. Pure.

/** What a page needs to show an uploaded image: its size (of the largest variant) and the widths there are. */
export type ImageInfo = { id: string; width: number; height: number; widths: number[] };

/** How an article refers to an uploaded image: `![alt](/bilder/<id>)`. */
const IMAGE_REFERENCE = /^\/bilder\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The width a browser without srcset gets, and a sensible first guess for a phone. */
const DEFAULT_WIDTH = 960;

/**
 * What the image takes of the page: the article column is at most 48rem wide (max-w-3xl) and
 * otherwise the screen less the page's padding.
 */
export const ARTICLE_IMAGE_SIZES = "(min-width: 52rem) 48rem, calc(100vw - 2.5rem)";

export function imageReference(id: string): string {
  return `/bilder/${id}`;
}

/** The id in an uploaded image's reference, or null for any other address. */
export function uploadedImageId(src: string): string | null {
  return IMAGE_REFERENCE.exec(src)?.[1]?.toLowerCase() ?? null;
}

export function variantPath(id: string, width: number): string {
  return `/bilder/${id}/${width}.webp`;
}

/** The attributes of an <img> for an uploaded image: every stored width in srcset, its size for the layout. */
export function responsiveImage(info: ImageInfo): { src: string; srcSet: string; sizes: string; width: number; height: number } {
  const fallback = [...info.widths].reverse().find((w) => w <= DEFAULT_WIDTH) ?? info.widths[0]!;
  return {
    src: variantPath(info.id, fallback),
    srcSet: info.widths.map((w) => `${variantPath(info.id, w)} ${w}w`).join(", "),
    sizes: ARTICLE_IMAGE_SIZES,
    width: info.width,
    height: info.height,
  };
}
