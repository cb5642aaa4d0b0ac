// The database client fails fast while PostgreSQL is away (issue 12): postgres.js's default
// reconnect backoff grows with every refused connect (3^n/100 s, up to 20 s) and a query handed
// to a closed connection waits that long, which is how /api/slots hung during a long restart.
import net from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { connectPostgres } from "@/db/client";

/** A port on which nothing listens: every connect is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const handles: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(handles.map((h) => h.close().catch(() => {})));
});

test("after many refused connections in a row, a query is still refused at once instead of waiting to reconnect", async () => {
  const handle = connectPostgres(`postgres://postgres@127.0.0.1:${await closedPort()}/postgres`, { max: 2 });
  handles.push(handle);
  const outcomes: string[] = [];
  // Twelve refusals in a row: the default backoff would wait 3^12/100 s (capped at 20 s) before the next connect.
  for (let i = 0; i < 12; i++) {
    const outcome = await Promise.race([
      handle.db.execute(sql`select 1`).then(
        () => "answered",
        (error: unknown) => ((error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code ?? "error"),
      ),
      // The promise of the restart scenario: a request during an outage is answered within 3 s.
      new Promise<string>((resolve) => setTimeout(() => resolve("still waiting after 3 s"), 3000)),
    ]);
    outcomes.push(outcome);
  }
  expect(outcomes).toEqual(Array(12).fill("ECONNREFUSED"));
});

/**
 * A TCP proxy in front of the real PostgreSQL server. On its first connection it passes everything
 * through until the client sends a message containing `trigger`; that message is not forwarded:
 * the client gets the FATAL a backend sends when the server shuts down (57P01), and the socket
 * closes, exactly as a fast shutdown does mid-query. Later connections pass through untouched.
 */
async function killingProxy(target: URL, trigger: string): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const first = connections++ === 0;
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    let killed = false;
    client.on("data", (chunk) => {
      if (killed) return;
      if (first && chunk.includes(trigger)) {
        killed = true;
        client.end(fatalErrorResponse("57P01", "terminating connection due to administrator command"));
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => killed || client.write(chunk));
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => killed || client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    connections: () => connections,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A backend's ErrorResponse message ('E'), as PostgreSQL frames it. */
function fatalErrorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat(
    [`SFATAL`, `VFATAL`, `C${code}`, `M${message}`].map((f) => Buffer.from(`${f}\0`)).concat(Buffer.from([0])),
  );
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("a connection the server killed (PostgreSQL)", () => {
  const target = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => {
    process.on("unhandledRejection", onUnhandled);
  });
  afterAll(() => {
    process.off("unhandledRejection", onUnhandled);
  });

  test("the query after a killed one runs on a fresh connection instead of getting the dead backend's error again", async () => {
    const proxy = await killingProxy(target, "killed-mid-query");
    const handle = connectPostgres(proxy.url, { max: 1 });
    handles.push(handle, { close: proxy.close });
    const killed = await handle.db.execute(sql`select 'killed-mid-query' as x`).then(
      () => "answered",
      (error: unknown) => (error as { cause?: { code?: string } }).cause?.code ?? "error",
    );
    // What the app then sees while the database restarts; the driver names it a closed connection.
    expect(["57P01", "CONNECTION_CLOSED"]).toContain(killed);
    // The next request, on the same pooled connection object: postgres.js 3.4.9 replays the stale
    // 57P01 onto it (porsager/postgres#1223), which is how a page failed seconds after a restart.
    const next = (await handle.db.execute(sql`select 2 as x`)) as unknown as { x: number }[];
    expect(next[0]).toEqual({ x: 2 });
    expect(proxy.connections()).toBe(2);
  });

  test("a connection killed while it starts up (fetching array types) does not fail the query that waited for it", async () => {
    // postgres.js asks for the array types (pg_type.typarray) before it runs the first query.
    const proxy = await killingProxy(target, "typarray");
    const handle = connectPostgres(proxy.url, { max: 1 });
    handles.push(handle, { close: proxy.close });
    const first = (await handle.db.execute(sql`select 1 as x`)) as unknown as { x: number }[];
    expect(first[0]).toEqual({ x: 1 });
    expect(proxy.connections()).toBe(2);
    expect(unhandled).toEqual([]);
  });
});
