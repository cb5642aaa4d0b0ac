import { describe, expect, it } from "vitest";
import { readLimitedText } from "@/lib/http/limited-body";

/** A 100 MB upload that is produced only as far as the server reads it, counting what was read. */
function hugeUpload(totalBytes: number, chunkBytes = 16_384) {
  const counter = { sent: 0 };
  const chunk = new Uint8Array(chunkBytes).fill(0x61);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.sent >= totalBytes) return controller.close();
      counter.sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://localhost/api/x", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, counter };
}

describe("reading a body with a limit", () => {
  it("stops reading a 100 MB body shortly after the limit, without its Content-Length", async () => {
    const { request, counter } = hugeUpload(100 * 1024 * 1024);
    await expect(readLimitedText(request, 16_384)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(counter.sent).toBeLessThanOrEqual(16_384 + 64 * 1024);
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    const { request, counter } = hugeUpload(1024 * 1024);
    const declared = new Request(request, { headers: { "content-length": String(1024 * 1024) } });
    await expect(readLimitedText(declared, 1000)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(counter.sent).toBeLessThanOrEqual(64 * 1024);
  });

  it("returns a body within the limit whole, multi-byte characters across chunks included", async () => {
    const text = "ä".repeat(5000);
    const request = new Request("http://localhost/api/x", { method: "POST", body: text });
    expect(await readLimitedText(request, 16_384)).toBe(text);
  });
});
