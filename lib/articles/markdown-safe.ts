// The author's Markdown as a sanitized HTML tree (lib/articles/markdown.ts finishes and writes it).
//
// Pipeline: Markdown → mdast (remark-parse + GFM) → hast (remark-rehype, raw HTML kept) →
// raw HTML parsed (rehype-raw) → SANITIZED (rehype-sanitize). Pure module; the unified
// processors are built once.

import type { Root } from "hast";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype, { type Options as RemarkRehypeOptions } from "remark-rehype";
import { unified } from "unified";

/** What the sanitizer puts before every id/name that comes from the author (GitHub's convention). */
export const CLOBBER_PREFIX = "user-content-";

// ---------------------------------------------------------------------------------------------
// Sanitize schema
// ---------------------------------------------------------------------------------------------

const defaultAttributes = defaultSchema.attributes ?? {};

/**
 * Based on GitHub's schema (`defaultSchema`), tightened:
 *
 * - Elements: only the default allow-list (no script, style, iframe, object, embed, form, svg,
 *   math, ...). Elements that are not allowed are normally unwrapped (their text stays); the
 *   ones listed in `strip` are dropped together with their content, so e.g. CSS or a form's
 *   labels never show up as stray text.
 * - Attributes: no `on*` handlers and no `style` (the default allow-list has neither).
 *   `id` and `name` are removed from the global list, so authors cannot put ids on arbitrary
 *   elements (DOM clobbering). Ids survive only where GFM footnotes need them, restricted to
 *   the exact shapes remark-rehype generates, and they are always prefixed with
 *   `user-content-` by the sanitizer. Headings get their ids afterwards from their text (see
 *   `finish`), never from the author.
 * - URLs: href only http, https, mailto, tel or relative (incl. `#fragment`); src and cite only
 *   http/https or relative. So `javascript:`, `vbscript:` and `data:` (links and images) are
 *   dropped; the protocol check is case-insensitive and runs on the decoded value.
 */
const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: CLOBBER_PREFIX,
  strip: [
    ...(defaultSchema.strip ?? []),
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "button",
    "select",
    "textarea",
    "noscript",
    "noembed",
    "noframes",
    "template",
    "title",
    "xmp",
    "svg",
    "math",
  ],
  attributes: {
    ...defaultAttributes,
    "*": (defaultAttributes["*"] ?? []).filter((attribute) => attribute !== "id" && attribute !== "name"),
    // GFM footnotes: reference links, the definitions list items and the hidden "Fußnoten" label.
    a: [...(defaultAttributes.a ?? []), ["id", /^fnref-/]],
    li: [...(defaultAttributes.li ?? []), ["id", /^fn-/]],
    h2: [...(defaultAttributes.h2 ?? []), ["id", "footnote-label"]],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ["http", "https", "mailto", "tel"],
    src: ["http", "https"],
    cite: ["http", "https"],
    longDesc: ["http", "https"],
  },
};

// ---------------------------------------------------------------------------------------------
// Processors (built once; `freeze` makes them immutable and reusable)
// ---------------------------------------------------------------------------------------------

const parseMarkdown = unified().use(remarkParse).use(remarkGfm).freeze();

const remarkRehypeOptions: RemarkRehypeOptions = {
  allowDangerousHtml: true,
  // The sanitizer adds `user-content-` to every id; with remark-rehype's own default prefix
  // the ids would end up doubled. Footnote hrefs are re-pointed in `finish`.
  clobberPrefix: "",
  footnoteLabel: "Fußnoten",
  footnoteBackLabel: (referenceIndex, rereferenceIndex) =>
    `Zurück zum Verweis ${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ""}`,
};

// Re-parsing the whole tree as HTML (rehype-raw) is the costliest step, so it only runs when
// the Markdown actually contains raw HTML. Both variants end in the same sanitizer.
const toSafeHastWithRaw = unified().use(remarkRehype, remarkRehypeOptions).use(rehypeRaw).use(rehypeSanitize, sanitizeSchema).freeze();
const toSafeHastPlain = unified().use(remarkRehype, remarkRehypeOptions).use(rehypeSanitize, sanitizeSchema).freeze();

export const toHtml = unified().use(rehypeStringify).freeze();

type MdastNode = { type: string; children?: MdastNode[] };

function containsRawHtml(node: MdastNode): boolean {
  return node.type === "html" || (node.children?.some(containsRawHtml) ?? false);
}

export function safeTree(markdown: string): Root {
  const mdast = parseMarkdown.parse(markdown);
  const toSafeHast = containsRawHtml(mdast) ? toSafeHastWithRaw : toSafeHastPlain;
  return toSafeHast.runSync(mdast);
}
