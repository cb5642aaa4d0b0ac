// Server-side Markdown renderer for blog articles (and the editor's live preview).
//
// Pipeline: Markdown → mdast (remark-parse + GFM) → hast (remark-rehype, raw HTML kept) →
// raw HTML parsed (rehype-raw) → SANITIZED (rehype-sanitize) → our own finishing pass
// (heading ids, table of contents, link/image/table attributes) → HTML string.
//
// Everything the finishing pass adds comes from us, never from the author, so it runs after
// the sanitizer on purpose: the sanitizer sees the author's input, the finishing pass only
// adds a fixed set of safe attributes.
//
// Pure module: no React, no Next, no I/O. The unified processors are built once per module.

import GithubSlugger from "github-slugger";
import type { Element, ElementContent, Nodes, Parents, Root } from "hast";
import type { ImageInfo } from "@/lib/images/paths";
import { finishImage } from "./markdown-images";
import { CLOBBER_PREFIX, safeTree, toHtml } from "./markdown-safe";

export type TocEntry = { id: string; text: string; depth: 2 | 3 };
export type RenderedMarkdown = { html: string; toc: TocEntry[]; readingMinutes: number; wordCount: number };

/** Words per minute for reading German body text. */
const WORDS_PER_MINUTE = 200;
const DEFAULT_EXCERPT_LENGTH = 200;

// ---------------------------------------------------------------------------------------------
// Tree helpers
// ---------------------------------------------------------------------------------------------

const BLOCK_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

const HEADING_RANK: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/**
 * Plain text of a node. Block boundaries become spaces (so "<p>a</p><p>b</p>" is two words),
 * inline boundaries do not (so "**Rück**en" stays one word). Whitespace is collapsed.
 * Footnote reference numbers are left out.
 */
function plainText(node: Nodes): string {
  const parts: string[] = [];
  const walk = (current: Nodes) => {
    if (current.type === "text") {
      parts.push(current.value);
    } else if (current.type === "element" && current.properties.dataFootnoteRef !== undefined) {
      // Footnote reference numbers ("Fußnote¹") are not words and would glue onto the text.
    } else if (current.type === "element" || current.type === "root") {
      const block = current.type === "element" && BLOCK_TAGS.has(current.tagName);
      if (block) parts.push(" ");
      for (const child of current.children) walk(child);
      if (block) parts.push(" ");
    }
  };
  walk(node);
  return parts.join("").replace(/\s+/g, " ").trim();
}

function countWords(text: string): number {
  // A word is a whitespace-separated token with at least one letter or digit ("–" is not one).
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

function minutesFor(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

function isFootnoteSection(node: Element): boolean {
  return node.tagName === "section" && node.properties.dataFootnotes !== undefined;
}

function hasClass(node: Element, name: string): boolean {
  const className = node.properties.className;
  return Array.isArray(className) ? className.includes(name) : className === name;
}

/** Origin used for resolving links when the caller gives none: matches no real site. */
const NO_SITE = "https://site.invalid";

function siteOriginOf(siteOrigin: string | undefined): string {
  if (!siteOrigin) return NO_SITE;
  try {
    return new URL(siteOrigin).origin;
  } catch {
    // A malformed origin must not break a page render; treating every absolute link as
    // external is the safe side (they all get rel="noopener noreferrer").
    return NO_SITE;
  }
}

/** http(s) link to another origin. Resolving also catches "//host" and "/\host". */
function isExternal(href: string, origin: string): boolean {
  let url: URL;
  try {
    url = new URL(href, origin);
  } catch {
    return false;
  }
  return (url.protocol === "http:" || url.protocol === "https:") && url.origin !== origin;
}

// ---------------------------------------------------------------------------------------------
// Finishing pass (runs on the sanitized tree; only adds attributes and wrappers we control)
// ---------------------------------------------------------------------------------------------

function finish(tree: Root, origin: string, images: ReadonlyMap<string, ImageInfo>): TocEntry[] {
  const toc: TocEntry[] = [];
  const slugger = new GithubSlugger();

  // Reserve the ids that survived sanitizing (footnotes, all `user-content-…`), so a heading
  // can never get the same id as one of them.
  const reserve = (node: Parents) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      if (typeof child.properties.id === "string") slugger.slug(child.properties.id);
      reserve(child);
    }
  };
  reserve(tree);

  const walk = (parent: Parents, inFootnotes: boolean) => {
    for (let index = 0; index < parent.children.length; index++) {
      const node = parent.children[index];
      if (node?.type !== "element") continue;
      const inside = inFootnotes || isFootnoteSection(node);
      // The page's title is its only h1: an article's own "# heading" becomes a section (h2).
      if (node.tagName === "h1" && !inside) node.tagName = "h2";
      const rank = HEADING_RANK[node.tagName];

      if (rank !== undefined && !inside) {
        // Heading ids always come from the heading's text (github-slugger, as GitHub does:
        // "Was ist Schmerz?" → "was-ist-schmerz", "Ängste" → "ängste"), never from the author.
        // They are not prefixed, so `#was-ist-schmerz` links written in the article work and
        // the TOC uses exactly the same id.
        const text = plainText(node);
        const id = text ? slugger.slug(text) : "";
        if (id) node.properties.id = id;
        else delete node.properties.id;
        if (id && (rank === 2 || rank === 3)) toc.push({ id, text, depth: rank });
      } else if (node.tagName === "a") {
        const href = node.properties.href;
        if (typeof href === "string") {
          if (
            (node.properties.dataFootnoteRef !== undefined || hasClass(node, "data-footnote-backref")) &&
            href.startsWith("#") &&
            !href.startsWith(`#${CLOBBER_PREFIX}`)
          ) {
            // The sanitizer prefixed the footnote ids; point the links at them.
            node.properties.href = `#${CLOBBER_PREFIX}${href.slice(1)}`;
          } else if (isExternal(href, origin)) {
            node.properties.rel = ["noopener", "noreferrer"];
            node.properties.target = "_blank";
          }
        }
      } else if (node.tagName === "img") {
        if (!finishImage(node, images, (src) => isExternal(src, origin))) {
          parent.children.splice(index, 1);
          index--;
          continue;
        }
      } else if (node.tagName === "table") {
        // Scroll wide tables sideways on a phone. Focusable so keyboard users can scroll it too.
        const wrapper: Element = {
          type: "element",
          tagName: "div",
          properties: { className: ["table-scroll"], tabIndex: 0, role: "region", ariaLabel: "Tabelle" },
          children: [node],
        };
        parent.children[index] = wrapper as ElementContent;
      }

      walk(node, inside);
    }
  };
  walk(tree, false);

  return toc;
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/**
 * Renders article Markdown to sanitized HTML, with a table of contents (h2/h3) and reading time.
 * `siteOrigin` (e.g. "https://example.de") decides which absolute links count as internal;
 * `images` are the uploaded images it may show (lib/articles/article-images.ts finds them).
 */
export async function renderMarkdown(
  markdown: string,
  options: { siteOrigin?: string; images?: readonly ImageInfo[] } = {},
): Promise<RenderedMarkdown> {
  const tree = safeTree(markdown);
  const toc = finish(tree, siteOriginOf(options.siteOrigin), new Map((options.images ?? []).map((image) => [image.id, image])));
  const wordCount = countWords(plainText(tree));
  return { html: toHtml.stringify(tree), toc, readingMinutes: minutesFor(wordCount), wordCount };
}

/** Reading time in whole minutes (~200 words per minute), at least 1. */
export function readingMinutes(markdown: string): number {
  return minutesFor(countWords(plainText(safeTree(markdown))));
}

/**
 * Plain text of the first paragraph(s), for teasers and meta descriptions. Paragraphs are
 * joined until `maxLength` is reached; longer text is cut at a word boundary and ends in "…"
 * (the result including "…" is at most `maxLength` characters).
 */
export function excerptFrom(markdown: string, maxLength: number = DEFAULT_EXCERPT_LENGTH): string {
  const tree = safeTree(markdown);
  const paragraphs: string[] = [];
  let length = 0;
  for (const node of tree.children) {
    if (length > maxLength) break;
    if (node.type !== "element" || node.tagName !== "p") continue;
    const text = plainText(node);
    if (!text) continue; // e.g. a paragraph holding only an image
    paragraphs.push(text);
    length += text.length + 1;
  }
  const text = paragraphs.length > 0 ? paragraphs.join(" ") : plainText(tree);
  return truncate(text, maxLength);
}

function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const limit = Math.max(0, maxLength - 1); // room for "…"
  const cut = text.slice(0, limit + 1); // one extra char tells whether we cut inside a word
  const lastSpace = cut.lastIndexOf(" ");
  const head = lastSpace > 0 ? cut.slice(0, lastSpace) : text.slice(0, limit);
  return `${head.replace(/[\s,;:.!?–—-]+$/u, "")}…`;
}
