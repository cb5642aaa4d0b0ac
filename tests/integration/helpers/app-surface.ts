import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../../..");

function walk(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    return entry.isDirectory() ? walk(rel) : [rel];
  });
}

/** app/(public)/termin/[token]/page.tsx → /termin/[token]; route groups leave no trace in the URL. */
function urlPattern(file: string): string {
  const segments = file
    .split("/")
    .slice(1, -1)
    .filter((s) => !(s.startsWith("(") && s.endsWith(")")));
  return `/${segments.join("/")}`;
}

/** Every page of the app as a URL pattern. */
export function discoverPages(): string[] {
  return walk("app")
    .filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f))
    .map(urlPattern)
    .sort();
}

/** Every route handler file of the app, with its URL pattern. */
export function discoverRouteFiles(): { file: string; pattern: string }[] {
  return walk("app")
    .filter((f) => /\/route\.(ts|js)$/.test(f))
    .map((file) => ({ file, pattern: urlPattern(file) }))
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Every "use server" module under lib/ and app/ (relative paths). */
export function discoverServerActionModules(): string[] {
  return [...walk("lib"), ...walk("app")]
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .filter((f) => /^\s*["']use server["']/.test(readFileSync(path.join(root, f), "utf8")))
    .sort();
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
