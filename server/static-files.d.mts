import type { IncomingMessage, ServerResponse } from "node:http";

export function acceptedEncodings(header: string | undefined): Set<string>;
export function configuredHeaders(
  rules: { regex: string; has?: unknown; missing?: unknown; headers: { key: string; value: string }[] }[],
  pathname: string,
): Record<string, string> | null;
export function precompressedStatic(distDir: string): {
  serve: (req: IncomingMessage, res: ServerResponse) => boolean;
  ready: Promise<void>;
};
