import http from "node:http";

export type LoopbackResponse = { status: number; headers: http.IncomingHttpHeaders; text: string; json: () => unknown };

/**
 * Another loopback address for each simulated client (any of 127.0.0.0/8 works on Linux, see
 * STACK.md): the server sees a different socket address, with no forged header involved.
 * Random, so that a reused server's counters from an earlier run do not count against it.
 */
export function freshLoopbackAddress(): string {
  const byte = () => 1 + Math.floor(Math.random() * 254);
  return `127.${byte()}.${byte()}.${byte()}`;
}

/** A tiny HTTP client whose sockets are bound to one loopback address. */
export function loopbackClient(baseURL: string, localAddress = freshLoopbackAddress()) {
  const base = new URL(baseURL);
  function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<LoopbackResponse> {
    const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          family: 4,
          path,
          method,
          localAddress,
          headers: { ...(payload !== undefined && typeof body !== "string" ? { "content-type": "application/json" } : {}), ...headers },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }));
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  }
  return {
    address: localAddress,
    get: (path: string, headers?: Record<string, string>) => call("GET", path, undefined, headers),
    post: (path: string, body: unknown, headers?: Record<string, string>) => call("POST", path, body, headers),
  };
}
