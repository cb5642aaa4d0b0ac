/*
 * Just enough XML for WebDAV multistatus answers: namespace prefixes dropped (servers pick
 * their own: d:, D:, none), CDATA kept as text, entities decoded. The calendar data inside is
 * handed to ical.js; nothing here evaluates anything.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return ENTITIES[e.toLowerCase()] ?? "";
  });
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&${({ "<": "lt", ">": "gt", "&": "amp", '"': "quot", "'": "apos" } as const)[c as "<"]};`);
}

/** The document with prefixes removed and CDATA sections turned into escaped text. */
function normalise(xml: string): string {
  return xml
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, inner: string) => escapeXml(inner))
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(\/?)[A-Za-z_][\w.-]*:/g, "<$1");
}

/** The inner XML of the first element called `name` (its local name), "" when empty, null when absent. */
export function element(xml: string, name: string): string | null {
  const open = new RegExp(`<${name}(?:\\s[^>]*)?(/?)>`, "i");
  const m = open.exec(xml);
  if (!m) return null;
  if (m[1] === "/") return "";
  const rest = xml.slice(m.index + m[0].length);
  const close = rest.search(new RegExp(`</${name}\\s*>`, "i"));
  return close < 0 ? rest : rest.slice(0, close);
}

export function text(xml: string, name: string): string | null {
  const inner = element(xml, name);
  return inner === null ? null : decodeXml(inner.replace(/<[^>]*>/g, "")).trim();
}

export type DavResponse = { href: string; props: string };

/** Each <response> of a multistatus: its href and the props of its propstat with status 200. */
export function multistatus(xml: string): DavResponse[] {
  const doc = normalise(xml);
  const out: DavResponse[] = [];
  for (const m of doc.matchAll(/<response(?:\s[^>]*)?>([\s\S]*?)<\/response\s*>/gi)) {
    const block = m[1]!;
    const href = text(block, "href");
    if (!href) continue;
    const ok = [...block.matchAll(/<propstat(?:\s[^>]*)?>([\s\S]*?)<\/propstat\s*>/gi)]
      .map((p) => p[1]!)
      .filter((p) => / 200 /.test(text(p, "status") ?? ""))
      .map((p) => element(p, "prop") ?? "");
    out.push({ href, props: ok.join("\n") });
  }
  return out;
}
