import { createDeflate, crc32 } from "node:zlib";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { images, imageVariants, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { articleInputSchema, assertImagesDescribed } from "@/lib/articles/schemas";
import { renderMarkdown } from "@/lib/articles/markdown";
import { AppError } from "@/lib/http/errors";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * The image upload end to end on a real database: the pipeline (what passes, what is refused,
 * what is stripped, which widths), the upload route as each person, the serving route, and the
 * article renderer with the stored sizes.
 */
const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "client" | "coach"; email: string } }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null),
}));
vi.mock("next/cache", () => ({ unstable_cache: (fn: unknown) => fn, revalidatePath: () => {}, updateTag: () => {} }));
const uploadRoute = await import("@/app/api/images/route");
const imageRoute = await import("@/app/bilder/[id]/[file]/route");
const { articleImages } = await import("@/lib/articles/article-images");

let database: TestDatabase;
let coach: { id: string; role: "coach"; email: string };
let anna: { id: string; role: "client"; email: string };
beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
  const all = await database.db.select().from(users);
  coach = { id: all.find((u) => u.email === "coach@example.com")!.id, role: "coach", email: "coach@example.com" };
  anna = { id: all.find((u) => u.email === "anna@example.com")!.id, role: "client", email: "anna@example.com" };
});
afterAll(() => database?.drop());

/** A phone photo as cameras write it: landscape pixels, "turn right" in EXIF, the camera and where it was taken. */
async function phonePhoto(width = 2000, height = 1500): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#2f6b5e" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: "Testkamera", Model: "Telefon 9" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 31/1 12/1", GPSLongitudeRef: "E", GPSLongitude: "13/1 24/1 36/1" },
    })
    .toBuffer();
}

/** The TIFF tag that points at EXIF's GPS block (0x8825), in either byte order. */
const hasGpsBlock = (exif: Buffer) => exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 20000 × 20000 grey PNG: about 400 KB on disk, 400 MB once decoded. */
async function pngBomb(): Promise<Buffer> {
  const side = 20_000;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on("data", (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  const row = Buffer.alloc(side + 1); // filter byte and a row of black
  for (let y = 0; y < side; y++) if (!deflate.write(row)) await new Promise((resolve) => deflate.once("drain", resolve));
  deflate.end();
  await done;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", Buffer.concat(parts)), chunk("IEND", Buffer.alloc(0))]);
}

const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script><rect width="100" height="100"/></svg>',
);

const upload = (body: Uint8Array | string, type: string, headers: Record<string, string> = {}) =>
  uploadRoute.POST(
    new NextRequest(new URL("/api/images", "http://localhost:3000"), {
      method: "POST",
      body: typeof body === "string" ? body : new Uint8Array(body),
      headers: { "content-type": type, ...headers },
    }),
  );
const get = (path: string) => {
  const [, , id, file] = path.split("/");
  return imageRoute.GET(new Request(new URL(path, "http://localhost:3000")), { params: Promise.resolve({ id: id!, file: file! }) });
};
const imageCount = async () => (await database.db.select({ id: images.id }).from(images)).length;

describe("uploading an image", () => {
  it("turns a phone photo upright, keeps none of its EXIF or GPS data, and stores 480, 960 and 1600 px wide WebP", async () => {
    const photo = await phonePhoto();
    const original = await sharp(photo).metadata();
    expect(original.exif && hasGpsBlock(original.exif)).toBe(true);
    expect(photo.includes(Buffer.from("Testkamera"))).toBe(true);

    session.user = coach;
    const response = await upload(photo, "image/jpeg");
    expect(response.status).toBe(201);
    const { image } = await response.json();
    expect(image.src).toBe(`/bilder/${image.id}`);
    // 2000 × 1500 turned a quarter: 1500 wide, 2000 high; the largest stored width is 1600 at most.
    expect(image.widths).toEqual([480, 960, 1500]);
    expect({ width: image.width, height: image.height }).toEqual({ width: 1500, height: 2000 });

    for (const [width, height] of [
      [480, 640],
      [960, 1280],
      [1500, 2000],
    ]) {
      const served = await get(`/bilder/${image.id}/${width}.webp`);
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe("image/webp");
      expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const bytes = Buffer.from(await served.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: "webp", width, height });
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(bytes.includes(Buffer.from("Testkamera"))).toBe(false);
    }
  });

  it("never makes an image wider than it was: a 300 px PNG and a 1000 px WebP keep their own width as the largest", async () => {
    session.user = coach;
    const small = await sharp({ create: { width: 300, height: 200, channels: 4, background: "#ffffff80" } })
      .png()
      .toBuffer();
    const medium = await sharp({ create: { width: 1000, height: 500, channels: 3, background: "#336699" } })
      .webp()
      .toBuffer();
    const a = (await (await upload(small, "image/png")).json()).image;
    const b = (await (await upload(medium, "image/webp")).json()).image;
    expect(a.widths).toEqual([300]);
    expect(b.widths).toEqual([480, 960, 1000]);
    const stored = await database.db.select({ width: imageVariants.width }).from(imageVariants).where(eq(imageVariants.imageId, a.id));
    expect(stored).toEqual([{ width: 300 }]);
  });

  it("refuses SVG, GIF, a renamed text file and a decompression bomb with a German message, and stores nothing", async () => {
    session.user = coach;
    const before = await imageCount();
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } })
      .gif()
      .toBuffer();
    const cases: [string, Uint8Array | string, string, number, RegExp][] = [
      ["an SVG sent as what it is", SVG, "image/svg+xml", 415, /JPEG, PNG oder WebP/],
      ["an SVG calling itself a PNG", SVG, "image/png", 415, /kein Foto im Format JPEG, PNG oder WebP/],
      ["a GIF calling itself a JPEG", gif, "image/jpeg", 415, /kein Foto im Format JPEG, PNG oder WebP/],
      ["a text file renamed to .jpg", "Einkaufsliste: Brot, Milch, Äpfel\n", "image/jpeg", 415, /kein Foto im Format JPEG, PNG oder WebP/],
      ["an empty file", "", "image/jpeg", 400, /leer/],
      ["a 20000 × 20000 PNG", await pngBomb(), "image/png", 400, /zu viele Bildpunkte \(20000 × 20000\)/],
    ];
    for (const [what, body, type, status, message] of cases) {
      const response = await upload(body, type);
      expect(response.status, what).toBe(status);
      expect((await response.json()).message, what).toMatch(message);
    }
    expect(await imageCount()).toBe(before);
  });

  it("takes uploads from the coach only, from this site only, up to 10 MB", async () => {
    const photo = await phonePhoto(600, 400);
    const before = await imageCount();
    session.user = null;
    expect((await upload(photo, "image/jpeg")).status).toBe(401);
    session.user = anna;
    expect((await upload(photo, "image/jpeg")).status).toBe(403);
    session.user = coach;
    expect((await upload(photo, "image/jpeg", { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await upload(photo, "image/jpeg", { origin: "https://evil.example" })).status).toBe(403);
    const eleven = new Uint8Array(11 * 1024 * 1024);
    const tooLarge = await upload(eleven, "image/jpeg");
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).message).toBe("Das Bild ist größer als 10 MB. Bitte verkleinere es vorher oder wähle ein anderes.");
    // A Content-Length that understates the body changes nothing: the body is counted while it streams.
    expect((await upload(eleven, "image/jpeg", { "content-length": "100" })).status).toBe(413);
    expect(await imageCount()).toBe(before);
  });

  it("answers 404 for unknown images and widths, and for addresses that are no image", async () => {
    session.user = coach;
    const { image } = await (await upload(await phonePhoto(600, 400), "image/jpeg")).json();
    expect((await get(`/bilder/${image.id}/400.webp`)).status).toBe(200);
    for (const path of [
      `/bilder/${image.id}/480.webp`,
      `/bilder/${image.id}/400.png`,
      `/bilder/${image.id}/0400.webp`,
      `/bilder/00000000-0000-4000-8000-000000000000/400.webp`,
      "/bilder/kein-bild/400.webp",
      `/bilder/${image.id}/99999999999.webp`,
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});

describe("images in articles", () => {
  it("renders an uploaded image with its size, every width in srcset, sizes and lazy loading", async () => {
    session.user = coach;
    const { image } = await (await upload(await phonePhoto(), "image/jpeg")).json();
    const body = `Ein Absatz.\n\n![Frau beim Dehnen am Fenster](/bilder/${image.id})`;
    const { html } = await renderMarkdown(body, { images: await articleImages({ body, coverImageUrl: null }) });
    expect(html).toContain(
      `<img src="/bilder/${image.id}/960.webp" alt="Frau beim Dehnen am Fenster" srcset="/bilder/${image.id}/480.webp 480w, /bilder/${image.id}/960.webp 960w, /bilder/${image.id}/1500.webp 1500w" sizes="(min-width: 52rem) 48rem, calc(100vw - 2.5rem)" width="1500" height="2000" loading="lazy" decoding="async">`,
    );
    // An image that is not in the store would be a gap on the page: it is left out.
    const unknown = await renderMarkdown("![Weg](/bilder/00000000-0000-4000-8000-000000000000)", { images: [] });
    expect(unknown.html).not.toContain("<img");
  });

  it("refuses images from other sites in the text and the cover, and publishing an image without a description", () => {
    const base = { title: "Bilder", slug: "", excerpt: "", tags: "", sources: "", coverImageAlt: "" };
    const external = articleInputSchema.safeParse({ ...base, body: "![Rücken](https://cdn.example/r.jpg)", coverImageUrl: "" });
    expect(external.success).toBe(false);
    expect(external.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      [
        "body",
        "Bilder von anderen Seiten kann die Seite nicht anzeigen. Bitte lade das Bild mit „Bild hochladen“ unter dem Text hoch; es wird dann an der Stelle eingefügt.",
      ],
    ]);
    for (const body of ["![Rücken](//cdn.example/r.jpg)", '<img src="/\\cdn.example/r.jpg" alt="Rücken">']) {
      expect(articleInputSchema.safeParse({ ...base, body, coverImageUrl: "" }).success, body).toBe(false);
    }
    // An address on the site itself is not another site's (it shows nothing unless it is an upload, but hides nothing either).
    expect(articleInputSchema.safeParse({ ...base, body: "![Rücken](/r.jpg)", coverImageUrl: "" }).success).toBe(true);
    const cover = articleInputSchema.safeParse({
      ...base,
      body: "Text",
      coverImageUrl: "https://cdn.example/r.jpg",
      coverImageAlt: "Rücken",
    });
    expect(cover.error?.issues.map((i) => i.path.join("."))).toEqual(["coverImageUrl"]);
    expect(cover.error?.issues[0]?.message).toMatch(/„Titelbild hochladen“/);
    const id = "00000000-0000-4000-8000-000000000000";
    expect(
      articleInputSchema.safeParse({ ...base, body: `![](/bilder/${id})`, coverImageUrl: `/bilder/${id}`, coverImageAlt: "Rücken" })
        .success,
    ).toBe(true);
    expect(() => assertImagesDescribed(`Text\n\n![](/bilder/${id})`)).toThrow(AppError);
    expect(() => assertImagesDescribed(`Text\n\n![ ](/bilder/${id})`)).toThrow(/Jedes Bild braucht eine Beschreibung/);
    expect(() => assertImagesDescribed(`Text\n\n![Rücken im Stand](/bilder/${id})`)).not.toThrow();
  });
});
