import { describe, expect, it } from "vitest";
import { readJson } from "@/lib/http/json-body";

const site = "http://localhost:3000";
const post = (headers: Record<string, string>, body = '{"ok":true}') =>
  new Request(`${site}/api/bookings`, { method: "POST", headers: { host: "localhost:3000", ...headers }, body });
const refusal = async (request: Request) =>
  readJson(request).then(
    () => undefined,
    (error: { code?: string; status?: number }) => ({ code: error.code, status: error.status }),
  );

describe("reading a JSON body", () => {
  it("refuses a write another site made the browser send", async () => {
    for (const value of ["cross-site", "same-site"])
      expect(await refusal(post({ "content-type": "application/json", "sec-fetch-site": value }))).toEqual({ code: "forbidden", status: 403 });
    for (const origin of ["https://evil.example", "null", "http://localhost:3001"])
      expect(await refusal(post({ "content-type": "application/json", origin }))).toEqual({ code: "forbidden", status: 403 });
  });

  it("takes a request from this site, and one from no browser page at all", async () => {
    expect(await readJson(post({ "content-type": "application/json", "sec-fetch-site": "same-origin", origin: site }))).toEqual({ ok: true });
    expect(await readJson(post({ "content-type": "application/json", "sec-fetch-site": "none" }))).toEqual({ ok: true });
    expect(await readJson(post({ "content-type": "application/json" }))).toEqual({ ok: true });
  });

  it("accepts only a JSON content type, optionally with a UTF-8 charset", async () => {
    for (const type of ["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"])
      expect(await readJson(post({ "content-type": type })), type).toEqual({ ok: true });
    for (const type of ["text/plain; charset=application/json", "text/plain", "application/jsonx", "application/json; charset=latin1", "multipart/form-data; boundary=application/json", ""])
      expect(await refusal(post(type ? { "content-type": type } : {})), type).toEqual({ code: "invalid", status: 400 });
  });
});
