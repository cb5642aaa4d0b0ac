import { describe, expect, it } from "vitest";
import { detectAudioType } from "@/lib/audio/detect";
import { parseRange } from "@/lib/audio/range";
import { audioResponse } from "@/lib/audio/serve";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

describe("parseRange (RFC 9110 § 14) on a file of 1000 bytes", () => {
  const cases: [string | null, ReturnType<typeof parseRange>][] = [
    [null, { kind: "whole" }],
    ["", { kind: "whole" }],
    ["bytes=0-1", { kind: "partial", start: 0, end: 1 }],
    ["bytes=0-0", { kind: "partial", start: 0, end: 0 }],
    ["bytes=100-199", { kind: "partial", start: 100, end: 199 }],
    ["bytes=500-", { kind: "partial", start: 500, end: 999 }],
    ["bytes=-100", { kind: "partial", start: 900, end: 999 }],
    // A suffix longer than the file is the whole file as a range.
    ["bytes=-5000", { kind: "partial", start: 0, end: 999 }],
    // A last position beyond the end is cut to the end.
    ["bytes=990-5000", { kind: "partial", start: 990, end: 999 }],
    ["BYTES = 10-19", { kind: "partial", start: 10, end: 19 }],
    // Several ranges: the first satisfiable one is served on its own.
    ["bytes=0-9, 20-29", { kind: "partial", start: 0, end: 9 }],
    ["bytes=2000-2100, 5-9", { kind: "partial", start: 5, end: 9 }],
    // Satisfiable by no spec: 416.
    ["bytes=1000-", { kind: "unsatisfiable" }],
    ["bytes=1000-1200", { kind: "unsatisfiable" }],
    ["bytes=-0", { kind: "unsatisfiable" }],
    ["bytes=1500-1600, 2000-", { kind: "unsatisfiable" }],
    // Not understood, so ignored: the whole file with 200.
    ["items=0-9", { kind: "whole" }],
    ["bytes=abc", { kind: "whole" }],
    ["bytes=-", { kind: "whole" }],
    ["bytes=5-1", { kind: "whole" }],
    ["bytes=0-9, 7-2", { kind: "whole" }],
    ["bytes=1.5-3", { kind: "whole" }],
    ["bytes=", { kind: "whole" }],
    ["bytes=99999999999999999999-", { kind: "unsatisfiable" }],
  ];
  it.each(cases)("%s", (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });

  it("an empty file satisfies no range", () => {
    expect(parseRange("bytes=0-1", 0)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-1", 0)).toEqual({ kind: "unsatisfiable" });
  });
});

describe("detectAudioType reads the first bytes, not the name or the declared type", () => {
  const cases: [string, Uint8Array, string | null][] = [
    ["MP3 with an ID3v2.3 tag", bytes("ID3", [3, 0, 0, 0, 0, 0, 0x21]), "audio/mpeg"],
    ["MP3 without a tag (MPEG-1 layer III frame)", bytes([0xff, 0xfb, 0x90, 0x64]), "audio/mpeg"],
    ["M4A from an iPhone", bytes([0, 0, 0, 0x20], "ftypM4A ", [0, 0, 0, 0]), "audio/mp4"],
    ["MP4 with an isom brand", bytes([0, 0, 0, 0x18], "ftypisom"), "audio/mp4"],
    ["Ogg Opus", bytes("OggS", [0, 2], "OpusHead"), "audio/ogg"],
    ["WAV", bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "), "audio/wav"],
    ["WebM from MediaRecorder", bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]), "audio/webm"],
    ["a JPEG", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), null],
    ["a PNG", bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a]), null],
    ["WebP (RIFF but not WAVE)", bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "), null],
    ["HEIC (ftyp with an image brand)", bytes([0, 0, 0, 0x18], "ftypheic"), null],
    ["an HTML page", bytes("<!doctype html><script>"), null],
    ["a PDF", bytes("%PDF-1.7"), null],
    ["ID3 with an impossible version", bytes("ID3", [9, 0, 0, 0, 0, 0, 0]), null],
    ["a frame sync with a bad bitrate", bytes([0xff, 0xfb, 0xf0, 0x64]), null],
    ["nothing", new Uint8Array(0), null],
    ["three bytes", bytes("ID3"), null],
  ];
  it.each(cases)("%s", (_name, input, expected) => {
    expect(detectAudioType(input)).toBe(expected);
  });
});

describe("audioResponse", () => {
  const data = new Uint8Array(Array.from({ length: 50 }, (_, i) => i));
  const file = { contentType: "audio/mpeg", sha256: "abc", byteSize: data.byteLength };
  const reads: [number, number][] = [];
  const read = async (start: number, end: number) => (reads.push([start, end]), data.slice(start, end + 1));
  const get = (headers: Record<string, string>) => audioResponse(new Request("http://localhost/audio/x", { headers }), file, read);

  it("answers a range with 206, its bytes, Content-Range and Accept-Ranges", async () => {
    reads.length = 0;
    const response = await get({ range: "bytes=10-13" });
    expect(response.status).toBe(206);
    // Only the bytes asked for are read from the store.
    expect(reads).toEqual([[10, 13]]);
    expect(response.headers.get("content-range")).toBe("bytes 10-13/50");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("content-length")).toBe("4");
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([10, 11, 12, 13]);
  });

  it("answers no range with 200 and the whole file, a range beyond it with 416, a matching ETag with 304", async () => {
    const whole = await get({});
    expect(whole.status).toBe(200);
    expect(whole.headers.get("etag")).toBe('"abc"');
    expect((await whole.arrayBuffer()).byteLength).toBe(50);
    reads.length = 0;
    const beyond = await get({ range: "bytes=50-" });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe("bytes */50");
    expect((await get({ "if-none-match": '"abc"' })).status).toBe(304);
    expect(reads).toEqual([]);
    // If-Range with an old validator: the whole (changed) file instead of a piece of it.
    expect((await get({ range: "bytes=0-1", "if-range": '"old"' })).status).toBe(200);
  });
});
