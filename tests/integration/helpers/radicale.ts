import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/*
 * A real CalDAV server for one test file: Debian's Radicale on a free port, a throw-away folder,
 * htpasswd auth with plain passwords (so a wrong password really fails). Ready when its port
 * answers; stopped by its pid. Where `radicale` is not installed the tests skip with a notice,
 * and .ci/run fails on the marker this file leaves (.test-results/caldav-skipped).
 */

export const RADICALE_USER = "coach";
export const RADICALE_PASSWORD = "app-passwort-1234";

export function radicaleAvailable(): boolean {
  const found = spawnSync("sh", ["-c", "command -v radicale"], { encoding: "utf8" }).status === 0;
  mkdirSync(".test-results", { recursive: true });
  if (!found) {
    writeFileSync(".test-results/caldav-skipped", "radicale not on PATH\n");
    console.warn("⚠ radicale is not installed: the CalDAV tests are skipped (apt-get install radicale). CI fails on this.");
  } else writeFileSync(".test-results/caldav-ran", "yes\n");
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export type Radicale = {
  url: string;
  port: number;
  /** Creates a calendar collection under the user; returns its URL (with a trailing slash). */
  mkcalendar: (name: string) => Promise<string>;
  put: (calendarUrl: string, name: string, ics: string) => Promise<void>;
  /** The whole collection as one iCalendar text (Radicale answers GET on a calendar so). */
  read: (calendarUrl: string) => Promise<string>;
  stop: () => Promise<void>;
};

const auth = `Basic ${Buffer.from(`${RADICALE_USER}:${RADICALE_PASSWORD}`).toString("base64")}`;

export async function startRadicale(): Promise<Radicale> {
  const dir = mkdtempSync(path.join(tmpdir(), "radicale-"));
  const users = path.join(dir, "users");
  writeFileSync(users, `${RADICALE_USER}:${RADICALE_PASSWORD}\n`);
  const port = await freePort();
  const child: ChildProcess = spawn(
    "radicale",
    [
      "--storage-filesystem-folder",
      path.join(dir, "collections"),
      "--server-hosts",
      `127.0.0.1:${port}`,
      "--auth-type",
      "htpasswd",
      "--auth-htpasswd-filename",
      users,
      "--auth-htpasswd-encryption",
      "plain",
      "--auth-delay",
      "0",
      "--logging-level",
      "warning",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 15_000;
  while (!(await answers(port))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`radicale did not start: ${stderr.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = `http://127.0.0.1:${port}/`;
  const request = async (target: string, method: string, body?: string, type = "application/xml") => {
    const response = await fetch(target, { method, body, headers: { authorization: auth, ...(body ? { "content-type": type } : {}) } });
    if (!response.ok) throw new Error(`${method} ${target}: ${response.status} ${await response.text()}`);
    return response.text();
  };
  let stopped = false;
  return {
    url,
    port,
    mkcalendar: async (name) => {
      const target = `${url}${RADICALE_USER}/${name}/`;
      await request(
        target,
        "MKCALENDAR",
        `<?xml version="1.0"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>${name}</D:displayname><C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>`,
      );
      return target;
    },
    put: async (calendarUrl, name, ics) => {
      await request(`${calendarUrl}${name}.ics`, "PUT", ics, "text/calendar");
    },
    read: (calendarUrl) => request(calendarUrl, "GET"),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      const exited = new Promise((r) => child.once("exit", r));
      if (child.pid) process.kill(child.pid, "SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
