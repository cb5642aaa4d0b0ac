import { describe, expect, it } from "vitest";
import { excerptFrom, readingMinutes, renderMarkdown } from "@/lib/articles/markdown";

const SITE = "https://praxis.example";

async function html(markdown: string, siteOrigin?: string): Promise<string> {
  return (await renderMarkdown(markdown, siteOrigin ? { siteOrigin } : undefined)).html;
}

/** All id="…" values in the HTML, in document order. */
function ids(output: string): string[] {
  return [...output.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1] ?? "");
}

function words(count: number): string {
  return Array.from({ length: count }, (_, index) => `Wort${index}`).join(" ");
}

describe("GitHub Flavored Markdown", () => {
  it("renders a table inside a horizontally scrollable, keyboard-focusable wrapper", async () => {
    const output = await html("| Übung | Wiederholungen |\n| --- | --- |\n| Katzenbuckel | 10 |\n");
    expect(output).toMatch(/<div class="table-scroll"[^>]*tabindex="0"[^>]*>\s*<table>/);
    expect(output).toMatch(/<\/table>\s*<\/div>/);
    expect(output).toContain("<th>Übung</th>");
    expect(output).toContain("<td>Katzenbuckel</td>");
  });

  it("renders strikethrough, task lists and autolinks", async () => {
    const output = await html("~~alt~~\n\n- [x] Dehnen\n- [ ] Gehen\n\nMehr auf https://www.example.org/info\n");
    expect(output).toContain("<del>alt</del>");
    expect(output).toMatch(/<input type="checkbox" checked disabled> Dehnen/);
    expect(output).toMatch(/<input type="checkbox" disabled> Gehen/);
    expect(output).toContain('<a href="https://www.example.org/info"');
  });

  it("keeps harmless HTML such as details/summary, sup/sub, br and hr", async () => {
    const output = await html("<details><summary>Mehr lesen</summary>Inhalt</details>\n\nH<sub>2</sub>O, m<sup>2</sup><br>\n\n---\n");
    expect(output).toContain("<details><summary>Mehr lesen</summary>Inhalt</details>");
    expect(output).toContain("H<sub>2</sub>O, m<sup>2</sup><br>");
    expect(output).toContain("<hr>");
  });

  it("renders Markdown the same whether or not the article also contains raw HTML", async () => {
    const markdown =
      "## Plan\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n![Bild](/a.jpg) [extern](https://example.org) Text[^1]\n\n[^1]: Quelle.";
    const plain = await renderMarkdown(markdown);
    const withHtml = await renderMarkdown(`<p>Hinweis</p>\n\n${markdown}`);
    // Only difference allowed: boolean attributes may be written `data-x` or `data-x=""`.
    const normalise = (output: string) => output.replaceAll('=""', "");
    expect(normalise(withHtml.html)).toBe(normalise(`<p>Hinweis</p>\n${plain.html}`));
    expect(withHtml.toc).toEqual(plain.toc);
  });

  it("makes footnotes whose links point at ids that exist", async () => {
    const output = await html("Studien zeigen das[^1].\n\n[^1]: Quelle: Beispielstudie 2020.\n");
    const present = new Set(ids(output));
    const targets = [...output.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
    expect(targets.length).toBe(2);
    for (const target of targets) expect(present).toContain(target);
    expect(output).toContain("Fußnoten");
    expect(output).toContain('aria-label="Zurück zum Verweis 1"');
  });
});

describe("headings and table of contents", () => {
  const article = [
    "# Titel im Text",
    "## Was ist Schmerz?",
    "Absatz.",
    "### Ängste und Sorgen",
    "#### Detail",
    "## Übungen für **jeden** Tag",
    "## Was ist Schmerz?",
  ].join("\n\n");

  it("lists only h2 and h3 (an author's h1 counts as h2), in order, with their plain text", async () => {
    const { toc } = await renderMarkdown(article);
    expect(toc).toEqual([
      { id: "titel-im-text", text: "Titel im Text", depth: 2 },
      { id: "was-ist-schmerz", text: "Was ist Schmerz?", depth: 2 },
      { id: "ängste-und-sorgen", text: "Ängste und Sorgen", depth: 3 },
      { id: "übungen-für-jeden-tag", text: "Übungen für jeden Tag", depth: 2 },
      { id: "was-ist-schmerz-1", text: "Was ist Schmerz?", depth: 2 },
    ]);
  });

  it("puts exactly the toc ids on the h2/h3 elements, unprefixed, so #links work", async () => {
    const { html: output, toc } = await renderMarkdown(`${article}\n\n[Zum Anfang](#was-ist-schmerz)`);
    const headingIds = [...output.matchAll(/<h[23] id="([^"]+)"/g)].map((match) => match[1]);
    expect(headingIds).toEqual(toc.map((entry) => entry.id));
    expect(output).not.toContain("user-content-was");
    expect(output).toContain('<a href="#was-ist-schmerz">Zum Anfang</a>');
  });

  it("derives heading ids from the text even when raw HTML sets one", async () => {
    const { html: output, toc } = await renderMarkdown('<h2 id="evil">Raw Heading</h2>');
    expect(output).toContain('<h2 id="raw-heading">Raw Heading</h2>');
    expect(toc).toEqual([{ id: "raw-heading", text: "Raw Heading", depth: 2 }]);
  });

  it("keeps ids only on headings: author ids and names on other elements are dropped", async () => {
    const output = await html('<div id="login" name="config"><img name="cookie" src="/a.jpg" alt="a"></div>\n\n## Titel');
    expect(ids(output)).toEqual(["titel"]);
    expect(output).not.toContain("name=");
    expect(output).not.toContain("login");
  });
});

describe("sanitizing", () => {
  const attacks: Array<[string, string, string[]]> = [
    ["script tag", "Hallo <script>alert(1)</script> Welt", ["<script", "alert(1)"]],
    ["img onerror", "<img src=x onerror=alert(1)>", ["onerror", "alert(1)"]],
    ["markdown javascript: link", "[klick](javascript:alert(1))", ["javascript:", "alert(1)"]],
    ["mixed-case javascript: href", '<a href="JaVaScRiPt:alert(1)">klick</a>', ["javascript:", "alert(1)"]],
    ["entity-encoded javascript: href", '<a href="&#106;ava&#x09;script:alert(1)">klick</a>', ["javascript:", "alert(1)"]],
    ["vbscript: href", '<a href="vbscript:msgbox(1)">klick</a>', ["vbscript:", "msgbox"]],
    ["iframe", '<iframe src="https://evil.example/"></iframe>', ["<iframe", "evil.example"]],
    ["svg onload", "<svg onload=alert(1)><circle r=1 /></svg>", ["<svg", "onload", "alert(1)"]],
    ["style attribute", '<div style="position:fixed;inset:0">Gewinn!</div>', ["style=", "position:fixed"]],
    ["style element", "<style>body{display:none}</style>", ["<style", "display:none"]],
    ["data: link", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">klick</a>', ["data:", "base64"]],
    ["data: image", '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">', ["data:", "<img"]],
    ["object/embed", '<object data="/evil.swf"></object><embed src="/evil.swf">', ["<object", "<embed", "evil.swf"]],
    ["form", '<form action="https://evil.example/"><input name="pw"><button>Senden</button></form>', ["<form", "<input", "evil.example"]],
    ["event handler on allowed tag", '<a href="/ok" onclick="steal()" onmouseover="steal()">ok</a>', ["onclick", "onmouseover", "steal"]],
    ["target on author link", '<a href="/ok" target="_self">ok</a>', ["target="]],
  ];

  it.each(attacks)("neutralises %s", async (_name, markdown, forbidden) => {
    const output = (await html(markdown)).toLowerCase();
    for (const part of forbidden) expect(output).not.toContain(part.toLowerCase());
  });

  it("keeps the readable text around removed markup", async () => {
    const output = await html('Hallo <script>alert(1)</script> Welt <a href="javascript:alert(1)">klick</a>');
    expect(output).toContain("Hallo");
    expect(output).toContain("Welt");
    expect(output).toContain("klick");
  });

  it("keeps safe links and the site's own images", async () => {
    const output = await html("[Mail](mailto:coach@example.de) [Abschnitt](#uebungen) [Seite](/kurse) ![Rücken](/r.jpg)");
    expect(output).toContain('href="mailto:coach@example.de"');
    expect(output).toContain('href="#uebungen"');
    expect(output).toContain('href="/kurse"');
    expect(output).toContain('src="/r.jpg" alt="Rücken"');
  });

  it("leaves out images from other sites, which the site's CSP (img-src 'self') would never load", async () => {
    const output = await html("Vorher ![Rücken](https://cdn.example/r.jpg) ![Nacken](//cdn.example/n.jpg) nachher", SITE);
    expect(output).toBe("<p>Vorher   nachher</p>");
  });
});

describe("links", () => {
  it("opens external links in a new tab without opener or referrer", async () => {
    const output = await html("[Studie](https://pubmed.example/123)", SITE);
    expect(output).toContain('<a href="https://pubmed.example/123" rel="noopener noreferrer" target="_blank">Studie</a>');
  });

  it("treats protocol-relative links to another host as external", async () => {
    const output = await html("[x](//evil.example/a)", SITE);
    expect(output).toContain('rel="noopener noreferrer" target="_blank"');
  });

  it("leaves relative, fragment, same-origin and mailto links untouched", async () => {
    const output = await html(`[a](/kurse) [b](termine) [c](#start) [d](${SITE}/blog/x) [e](mailto:a@b.de)`, SITE);
    expect(output).toContain('<a href="/kurse">a</a>');
    expect(output).toContain('<a href="termine">b</a>');
    expect(output).toContain('<a href="#start">c</a>');
    expect(output).toContain(`<a href="${SITE}/blog/x">d</a>`);
    expect(output).toContain('<a href="mailto:a@b.de">e</a>');
    expect(output).not.toContain("target=");
    expect(output).not.toContain("rel=");
  });

  it("accepts a site origin with a path or trailing slash", async () => {
    const output = await html(`[d](${SITE}/blog/x)`, `${SITE}/`);
    expect(output).not.toContain("target=");
  });

  it("treats every absolute http(s) link as external when no site origin is given", async () => {
    const output = await html(`[d](${SITE}/blog/x) [r](/kurse)`);
    expect(output).toContain(`<a href="${SITE}/blog/x" rel="noopener noreferrer" target="_blank">d</a>`);
    expect(output).toContain('<a href="/kurse">r</a>');
  });
});

describe("images", () => {
  it("loads images lazily and decodes them asynchronously", async () => {
    const output = await html("![Übung im Stand](/bilder/stand.jpg)");
    expect(output).toMatch(/<img src="\/bilder\/stand.jpg" alt="Übung im Stand"[^>]* loading="lazy"/);
    expect(output).toMatch(/<img [^>]*decoding="async"/);
  });

  it("gives images without alt text an empty alt", async () => {
    const output = await html('<img src="/bilder/deko.jpg">');
    expect(output).toMatch(/<img src="\/bilder\/deko.jpg"[^>]* alt=""/);
  });
});

describe("reading time", () => {
  it("counts about 200 words per minute", async () => {
    expect(readingMinutes(words(1000))).toBe(5);
    expect(readingMinutes(words(2000))).toBe(10);
    const rendered = await renderMarkdown(`## Einleitung\n\n${words(998)}`);
    expect(rendered.wordCount).toBe(999);
    expect(rendered.readingMinutes).toBe(5);
  });

  it("is at least one minute", () => {
    expect(readingMinutes("")).toBe(1);
    expect(readingMinutes("Kurz.")).toBe(1);
  });

  it("counts words, not markup", async () => {
    const { wordCount } = await renderMarkdown("**Rücken**schmerzen sind *häufig* – [sehr](/x) häufig.\n\n- eins\n- zwei");
    expect(wordCount).toBe(7);
  });
});

describe("excerpt", () => {
  it("is the plain text of the first paragraph, without Markdown syntax", () => {
    const markdown = "# Überschrift\n\n![Bild](/a.jpg)\n\nRückenschmerzen sind **sehr** häufig, siehe [Studie](https://example.org).\n";
    expect(excerptFrom(markdown)).toBe("Rückenschmerzen sind sehr häufig, siehe Studie.");
  });

  it("joins the first paragraphs while there is room", () => {
    expect(excerptFrom("Erster Absatz.\n\nZweiter Absatz.\n\n## Weiter\n\nDritter.", 200)).toBe("Erster Absatz. Zweiter Absatz. Dritter.");
  });

  it("cuts at a word boundary and ends with an ellipsis within the limit", () => {
    const text = "Bewegung hilft dem Rücken oft mehr als Schonung, denn die Muskulatur braucht regelmäßige Belastung.";
    const excerpt = excerptFrom(text, 40);
    expect(excerpt).toBe("Bewegung hilft dem Rücken oft mehr als…");
    expect(excerpt.length).toBeLessThanOrEqual(40);
    expect(text.startsWith(excerpt.slice(0, -1))).toBe(true);
  });

  it("defaults to 200 characters", () => {
    const excerpt = excerptFrom(words(100));
    expect(excerpt.length).toBeLessThanOrEqual(200);
    expect(excerpt.endsWith("…")).toBe(true);
    expect(excerpt).toMatch(/Wort\d+…$/);
  });

  it("never contains raw HTML or script contents", () => {
    expect(excerptFrom("Hallo <script>alert(1)</script><b>Welt</b>")).toBe("Hallo Welt");
  });
});

describe("one h1 per page", () => {
  it("turns an article's own top-level heading into a section heading", async () => {
    const { html, toc } = await renderMarkdown("# Einleitung\n\nText");
    expect(html).not.toContain("<h1");
    expect(html).toContain('<h2 id="einleitung">Einleitung</h2>');
    expect(toc).toEqual([{ id: "einleitung", text: "Einleitung", depth: 2 }]);
  });
});
