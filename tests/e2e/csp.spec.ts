import { expect, test, type APIResponse } from "@playwright/test";

/*
 * Every HTML answer carries exactly one Content-Security-Policy: the proxy's nonce policy where
 * the proxy runs, the static fallback from next.config.ts where it does not (requests with
 * prefetch headers skip the proxy). 'unsafe-inline' scripts only on answers from the prerender cache.
 */
const prefetchHeaders: Record<string, Record<string, string>> = {
  "no prefetch header": {},
  "next-router-prefetch": { "next-router-prefetch": "1" },
  "purpose: prefetch": { purpose: "prefetch" },
};
const dynamicPages = ["/login", "/gibt-es-nicht", "/termin/kein-token", "/erinnerung/abmelden"];
// The public pages from the prerender cache (lib/http/csp.ts); the proxy does not run for them.
const staticPages = ["/", "/artikel", "/selbsttest", "/erstgespraech", "/impressum", "/datenschutz", "/bench/statisch"];

function cspHeaders(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "content-security-policy")
    .map((h) => h.value);
}
const inlineScripts = (csp: string) => /script-src[^;]*'unsafe-inline'/.test(csp);
const fromPrerenderCache = (response: APIResponse) => Boolean(response.headers()["x-nextjs-cache"]);

async function anArticle(request: import("@playwright/test").APIRequestContext): Promise<string> {
  const slug = (await (await request.get("/artikel")).text()).match(/href="\/artikel\/([a-z0-9-]+)"/)?.[1];
  expect(slug, "a demo article").toBeTruthy();
  return `/artikel/${slug}`;
}

for (const [label, headers] of Object.entries(prefetchHeaders)) {
  test(`pages rendered per request carry exactly one CSP without inline scripts (${label})`, async ({ request }) => {
    for (const path of dynamicPages) {
      const response = await request.get(path, { headers, maxRedirects: 0 });
      expect(response.headers()["content-type"], path).toContain("text/html");
      const csp = cspHeaders(response);
      expect(csp, `${path}: one CSP`).toHaveLength(1);
      expect(csp[0], path).toContain("frame-ancestors 'none'");
      expect(csp[0], path).toContain("default-src 'self'");
      expect(inlineScripts(csp[0]!), `${path}: no inline scripts`).toBe(false);
      // Where the proxy runs, its nonce policy wins over the fallback.
      if (label === "no prefetch header") expect(csp[0], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    }
  });

  test(`pages from the prerender cache carry exactly one CSP (${label})`, async ({ request }) => {
    for (const path of [await anArticle(request), ...staticPages]) {
      await (await request.get(path)).body(); // rendered once (the build's copy is never served)
      const response = await request.get(path, { headers });
      expect(response.status(), path).toBe(200);
      expect(fromPrerenderCache(response), `${path} comes from the prerender cache`).toBe(true);
      const csp = cspHeaders(response);
      expect(csp, `${path}: one CSP`).toHaveLength(1);
      expect(csp[0], path).toContain("frame-ancestors 'none'");
      expect(csp[0], `${path}: no nonce (nothing renders it per request)`).not.toContain("nonce-");
    }
  });
}

test("a missing article renders nothing of its address into the page", async ({ request }) => {
  for (const slug of ["zq7x%3Cscript%3Ealert(1)%3C%2Fscript%3E", "zq7x%22onload%3D%22alert(2)", "ZQ7X_Gross", `zq7x-${"a".repeat(120)}`]) {
    const response = await request.get(`/artikel/${slug}`);
    expect(response.status(), slug).toBe(404);
    const html = await response.text();
    expect(html, slug).toContain("Diese Seite gibt es nicht");
    for (const part of ["zq7x", "ZQ7X", "alert", "Gross"]) expect(html.toLowerCase(), `${slug}: ${part}`).not.toContain(part.toLowerCase());
    expect(cspHeaders(response), slug).toHaveLength(1);
  }
});
