import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const dns = vi.hoisted(() => ({ answers: new Map<string, { address: string; family: number }[]>() }));
vi.mock("node:dns/promises", () => ({
  lookup: async (host: string) => {
    const found = dns.answers.get(host);
    if (!found) throw Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" });
    return found;
  },
}));

import { isPublicAddress } from "@/lib/calendars/address-guard";
import { sameSite } from "@/lib/calendars/caldav";
import { calendarKeys, decryptSecret, encryptSecret } from "@/lib/calendars/crypto";
import { calendarFetch, urlProblem } from "@/lib/calendars/fetch";
import { parseEnv } from "@/lib/env";

describe("which addresses a calendar fetch may reach", () => {
  it("public unicast only", () => {
    for (const ok of ["93.184.216.34", "17.253.144.10", "2a00:1450:4001:82b::200e"]) expect(isPublicAddress(ok), ok).toBe(true);
    for (const no of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.178.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::1",
      "::",
      "fd00::1",
      "fe80::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "64:ff9b::a00:1",
      "2002:a00:1::",
      "::ffff:0:7f00:1", // IPv4-translated 127.0.0.1
      "3fff::1",
      "5f00::1",
      "caldav.icloud.com",
    ])
      expect(isPublicAddress(no), no).toBe(false);
  });

  it("says in German why a typed address is refused", () => {
    expect(urlProblem("http://caldav.icloud.com/", false)).toBe("Die Adresse muss mit https:// beginnen.");
    expect(urlProblem("https://192.168.178.1/dav", false)).toBe("Diese Adresse liegt in einem privaten Netz und ist nicht erlaubt.");
    expect(urlProblem("https://[::ffff:7f00:1]/", false)).toBe("Diese Adresse liegt in einem privaten Netz und ist nicht erlaubt.");
    expect(urlProblem("https://localhost/", false)).toBe("Diese Adresse liegt in einem privaten Netz und ist nicht erlaubt.");
    expect(urlProblem("https://nas.local/", false)).toBe("Diese Adresse liegt in einem privaten Netz und ist nicht erlaubt.");
    expect(urlProblem("https://user:pw@caldav.icloud.com/", false)).toBe(
      "Die Adresse darf keinen Benutzernamen und kein Passwort enthalten.",
    );
    expect(urlProblem("file:///etc/passwd", false)).toBe("Die Adresse muss mit https:// beginnen.");
    expect(urlProblem("http://127.0.0.1:5232/", false)).toBe("Die Adresse muss mit https:// beginnen.");
    expect(urlProblem("http://127.0.0.1:5232/", true)).toBeNull();
    expect(urlProblem("https://caldav.icloud.com/", false)).toBeNull();
  });
});

describe("the guarded fetch", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/to-private") res.writeHead(302, { location: "https://10.0.0.1/cal.ics" }).end();
      else if (req.url?.startsWith("/loop")) res.writeHead(302, { location: `/loop${Number(req.url.slice(5) || 0) + 1}` }).end();
      else if (req.url === "/huge") {
        res.writeHead(200);
        const chunk = Buffer.alloc(1024 * 1024, "a");
        for (let i = 0; i < 6; i++) res.write(chunk);
        res.end();
      } else if (req.url === "/slow")
        res.writeHead(200); // never ends
      else res.writeHead(200, { "content-type": "text/calendar" }).end("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("re-checks every redirect, and follows at most three", async () => {
    await expect(calendarFetch(`${base}/to-private`, { followRedirects: true }, { allowLoopback: true })).rejects.toMatchObject({
      code: "refused_url",
    });
    await expect(calendarFetch(`${base}/loop0`, { followRedirects: true }, { allowLoopback: true })).rejects.toMatchObject({
      code: "too_many_redirects",
    });
  });

  it("stops reading past 5 MB", async () => {
    await expect(calendarFetch(`${base}/huge`, {}, { allowLoopback: true })).rejects.toMatchObject({ code: "too_large" });
  });

  it("refuses a name with any private address among its answers, and plain http to anything but a loopback address", async () => {
    dns.answers.set("calendar.example.org", [
      { address: "93.184.216.34", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ]);
    await expect(calendarFetch("https://calendar.example.org/x.ics")).rejects.toMatchObject({ code: "refused_url" });
    const port = (server.address() as AddressInfo).port;
    dns.answers.set("caldav.example.org", [{ address: "127.0.0.1", family: 4 }]);
    const answer = await calendarFetch(`http://caldav.example.org:${port}/ok`, {}, { allowLoopback: true }).catch((e) => e);
    // http to a name is refused even with loopback allowed; only loopback literals may use http.
    expect(answer).toMatchObject({ code: "refused_url" });
    const ok = await calendarFetch(`${base}/ok`, {}, { allowLoopback: true });
    expect(ok.body).toContain("BEGIN:VCALENDAR");
  });

  it("gives up after 10 seconds", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "Date"] });
    try {
      const pending = calendarFetch(`${base}/slow`, {}, { allowLoopback: true }).catch((e) => e);
      await vi.advanceTimersByTimeAsync(10_001);
      expect(await pending).toMatchObject({ code: "timeout" });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("calendar secrets at rest", () => {
  const key = (byte: number) => Buffer.alloc(32, byte).toString("base64");

  it("encrypts under the first key, decrypts under any, and refuses a changed text", () => {
    const old = calendarKeys(parseEnv({ CALENDAR_KEYS: key(1) }));
    const both = calendarKeys(parseEnv({ CALENDAR_KEYS: `${key(2)},${key(1)}` }));
    const stored = encryptSecret("abcd-efgh-ijkl-mnop", old);
    expect(stored).not.toContain("abcd");
    expect(decryptSecret(stored, both)).toBe("abcd-efgh-ijkl-mnop");
    expect(encryptSecret("x", both).split(".")[1]).toBe(both[0]!.id);
    const tampered = stored.slice(0, -2) + (stored.endsWith("A") ? "BB" : "AA");
    expect(() => decryptSecret(tampered, both)).toThrow();
    expect(() => decryptSecret(stored, calendarKeys(parseEnv({ CALENDAR_KEYS: key(3) })))).toThrow();
    // A tag cut to its first 4 bytes is refused (GCM would otherwise accept it).
    const parts = stored.split(".");
    parts[3] = Buffer.from(parts[3]!, "base64url").subarray(0, 4).toString("base64url");
    expect(() => decryptSecret(parts.join("."), both)).toThrow("malformed");
  });

  it("in production, without a key nothing is saved, with a German message", () => {
    const keys = calendarKeys(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "s", AUTH_URL: "https://praxis.example.de" }));
    expect(() => encryptSecret("pw", keys)).toThrow(/CALENDAR_KEYS/);
    expect(() => encryptSecret("pw", keys)).toThrow(/Kalender können erst verbunden werden/);
    expect(() =>
      parseEnv({ NODE_ENV: "production", AUTH_SECRET: "s", AUTH_URL: "https://p.example.de", CALENDAR_ALLOW_LOOPBACK: "1" }),
    ).toThrow(/CALENDAR_ALLOW_LOOPBACK/);
  });
});

describe("where a CalDAV password may go", () => {
  it("to the typed server's own site (iCloud's partition hosts), never to another", () => {
    expect(sameSite("https://p42-caldav.icloud.com/123/calendars/", "https://caldav.icloud.com")).toBe(true);
    expect(sameSite("https://dav.mailbox.org/caldav/", "https://dav.mailbox.org")).toBe(true);
    expect(sameSite("https://collector.example.net/steal", "https://caldav.icloud.com")).toBe(false);
    expect(sameSite("https://evil.co.uk/", "https://cloud.good.co.uk")).toBe(false);
    expect(sameSite("https://icloud.com.evil.net/", "https://caldav.icloud.com")).toBe(false);
  });
});
