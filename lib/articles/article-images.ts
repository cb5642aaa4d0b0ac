import type { Article } from "@/db/schema";
import { uploadedImageId } from "@/lib/images/paths";
import { imageInfos } from "@/lib/images/store";
import type { ImageInfo } from "@/lib/images/paths";
import { uploadedImageIds } from "./markdown-images";

/**
 * The uploaded images an article shows (its cover and those in its text), for rendering it. Read
 * when the page is rendered; the article page is cached, so readers' requests never run it.
 */
export async function articleImages(article: Pick<Article, "body" | "coverImageUrl">): Promise<ImageInfo[]> {
  const cover = article.coverImageUrl ? uploadedImageId(article.coverImageUrl) : null;
  return imageInfos([...(cover ? [cover] : []), ...uploadedImageIds(article.body)]);
}

/** The cover's entry among them, if the article has an uploaded cover. */
export function coverImage(article: Pick<Article, "coverImageUrl">, images: readonly ImageInfo[]): ImageInfo | undefined {
  const id = article.coverImageUrl ? uploadedImageId(article.coverImageUrl) : null;
  return images.find((image) => image.id === id);
}
