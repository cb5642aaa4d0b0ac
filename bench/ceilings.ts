// The true ceilings of a page, beside the app's own static page: a bare Next.js app of our exact
// version serving a static page of the article's bytes (bench/bare-next), and node:http sending
// those bytes (bench/plain-http.mjs, this machine's limit). Both run as their own processes, as
// the app does, so that the load generator in the bench's process competes with each alike.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const tmp = path.join(root, "bench/.tmp");
const appDir = path.join(tmp, "bare-next");
const next = path.join(root, "node_modules/.bin/next");

export type Ceiling = { name: string; base: string; path: string; bytes: number; stop: () => Promise<void> };

/** The markup inside the article's <main>, which the bare page renders as it is. */
export function mainOf(html: string): string {
  const open = html.search(/<main[\s>]/);
  const close = html.lastIndexOf("</main>");
  if (open < 0 || close < open) throw new Error("the article page has no <main>");
  return html.slice(html.indexOf(">", open) + 1, close);
}

function writeContent(markup: string) {
  writeFileSync(path.join(appDir, "content.json"), JSON.stringify({ html: markup }));
}

// With webpack: Turbopack, in a folder inside this project, bundles the project's own
// instrumentation.ts and proxy.ts into the bare app (it resolves them from the workspace root,
// the folder of the lockfile). `next start` serves the prerendered page with the same server either way.
function build(env: NodeJS.ProcessEnv) {
  const result = spawnSync(next, ["build", "--webpack"], { cwd: appDir, stdio: ["ignore", "ignore", "inherit"], env });
  if (result.status !== 0) throw new Error("the bare Next app did not build");
}

async function waitFor(url: string, name: string) {
  for (let i = 0; ; i++) {
    if (i > 120) throw new Error(`${name} did not come up`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

function stopper(child: ChildProcess) {
  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      // Its own process group: `next start` leaves next-server behind otherwise (STACK.md).
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await exited;
  };
}

async function bytesOf(url: string): Promise<Buffer> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/**
 * Builds and starts the bare Next app with the article's markup, padded (two rebuilds at most) so
 * that its page is within 2% of the article's bytes. The page is served uncompressed, as the bench
 * asks for it (no Accept-Encoding), like the article.
 */
export async function startBareNext(articleHtml: string, port: string, env: NodeJS.ProcessEnv): Promise<Ceiling> {
  rmSync(appDir, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  cpSync(path.join(root, "bench/bare-next"), appDir, { recursive: true });
  const target = Buffer.byteLength(articleHtml);
  const markup = mainOf(articleHtml);
  const base = `http://localhost:${port}`;
  const start = () => {
    const child = spawn(next, ["start", "-p", port, "-H", "localhost"], {
      cwd: appDir,
      stdio: ["ignore", "ignore", "inherit"],
      env,
      detached: true,
    });
    return { child, stop: stopper(child) };
  };
  const buildEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  // How many bytes of the page one byte of markup makes is measured, not assumed (the payload
  // that hydrates the page may repeat it): up to three builds.
  const filler = (n: number) => `<p>${"Lorem ipsum dolor sit amet. ".repeat(Math.ceil(n / 28) + 1).slice(0, n)}</p>`;
  const sized = (change: number) =>
    change >= 0 ? markup + filler(change) : markup.slice(0, Math.max(0, markup.lastIndexOf("<", markup.length + change)));
  let change = 0;
  let server: ReturnType<typeof start> | undefined;
  let last: { length: number; bytes: number } | undefined;
  // The markup shows twice or more (the HTML and, escaped, the payload that hydrates it).
  let slope = 2;
  for (let builds = 0; builds < 3; builds++) {
    const content = sized(change);
    writeContent(content);
    build(buildEnv);
    server = start();
    await waitFor(base, "the bare Next app");
    const bytes = (await bytesOf(base)).length;
    if (last && content.length !== last.length) slope = Math.max(1, (bytes - last.bytes) / (content.length - last.length));
    last = { length: content.length, bytes };
    if (Math.abs(bytes - target) <= 0.02 * target || builds === 2) break;
    await server.stop();
    change = content.length - markup.length + Math.round((target - bytes) / slope);
  }
  return { name: "bare Next.js static page", base, path: "/", bytes: last!.bytes, stop: server!.stop };
}

/** node:http sending exactly the article's bytes. */
export async function startPlainHttp(articleHtml: string, port: string): Promise<Ceiling> {
  mkdirSync(tmp, { recursive: true });
  const file = path.join(tmp, "article.html");
  writeFileSync(file, articleHtml);
  const child = spawn(process.execPath, [path.join(root, "bench/plain-http.mjs"), file, port], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const base = `http://localhost:${port}`;
  await waitFor(base, "the node:http server");
  return { name: "node:http, the article's bytes", base, path: "/", bytes: (await bytesOf(base)).length, stop: stopper(child) };
}
