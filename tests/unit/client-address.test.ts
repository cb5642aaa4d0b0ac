import { describe, expect, it } from "vitest";
import { clientAddressOf, parseProxySettings } from "@/server/client-address.mjs";

const req = (remoteAddress: string, headers: Record<string, string | string[]> = {}) => ({ headers, socket: { remoteAddress } });
const direct = parseProxySettings({});

describe("the client address server/start.mjs hands the app", () => {
  it("is the socket's address on a direct start, whatever the request's headers say", () => {
    const forged = { "x-forwarded-for": "198.51.100.7", "x-real-ip": "198.51.100.8", "x-praxis-client-ip": "198.51.100.9" };
    expect(clientAddressOf(req("127.0.0.5", forged), direct)).toBe("127.0.0.5");
    expect(clientAddressOf(req("::ffff:127.0.0.6"), direct)).toBe("127.0.0.6");
    expect(clientAddressOf(req("::1"), direct)).toBe("::1");
  });

  it("behind n trusted proxies is the n-th X-Forwarded-For entry from the end, else the socket", () => {
    const one = parseProxySettings({ TRUST_PROXY_HOPS: "1" });
    const two = parseProxySettings({ TRUST_PROXY_HOPS: "2" });
    // nginx appends the address it saw; what the client wrote comes before it.
    expect(clientAddressOf(req("10.0.0.2", { "x-forwarded-for": "198.51.100.7, 203.0.113.4" }), one)).toBe("203.0.113.4");
    expect(clientAddressOf(req("10.0.0.2", { "x-forwarded-for": "198.51.100.7, 203.0.113.4, 10.0.0.3" }), two)).toBe("203.0.113.4");
    // Fewer entries than hops, an empty or unreadable entry: the socket, never another header.
    expect(clientAddressOf(req("10.0.0.2", { "x-forwarded-for": "203.0.113.4" }), two)).toBe("10.0.0.2");
    expect(clientAddressOf(req("10.0.0.2", { "x-real-ip": "198.51.100.8" }), one)).toBe("10.0.0.2");
    expect(clientAddressOf(req("10.0.0.2", { "x-forwarded-for": "203.0.113.4, ", "x-real-ip": "198.51.100.8" }), one)).toBe("10.0.0.2");
    expect(clientAddressOf(req("10.0.0.2", { "x-forwarded-for": "203.0.113.4, evil" }), one)).toBe("10.0.0.2");
  });

  it("takes X-Real-IP only when configured as the header the proxy sets", () => {
    const realIp = parseProxySettings({ CLIENT_IP_HEADER: "X-Real-IP" });
    expect(clientAddressOf(req("10.0.0.2", { "x-real-ip": "203.0.113.4" }), realIp)).toBe("203.0.113.4");
    expect(clientAddressOf(req("10.0.0.2", { "x-real-ip": "nonsense" }), realIp)).toBe("10.0.0.2");
    expect(clientAddressOf(req("10.0.0.2", {}), realIp)).toBe("10.0.0.2");
  });

  it("refuses settings it cannot follow, naming the variable", () => {
    expect(() => parseProxySettings({ TRUST_PROXY_HOPS: "yes" })).toThrow(/^TRUST_PROXY_HOPS must be a whole number/);
    expect(() => parseProxySettings({ TRUST_PROXY_HOPS: "11" })).toThrow(/^TRUST_PROXY_HOPS/);
    expect(() => parseProxySettings({ CLIENT_IP_HEADER: "x real ip" })).toThrow(/^CLIENT_IP_HEADER/);
    expect(() => parseProxySettings({ CLIENT_IP_HEADER: "x-praxis-client-ip" })).toThrow(/^CLIENT_IP_HEADER/);
    expect(parseProxySettings({ TRUST_PROXY_HOPS: " ", CLIENT_IP_HEADER: "" })).toEqual({ hops: 0, header: undefined });
  });
});
