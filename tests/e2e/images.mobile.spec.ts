import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { expectAccessible } from "./support/app";
import { signInCoach } from "./support/coach";

/*
 * On a phone: the coach puts a photo into an article (with its description), publishes it, and a
 * visitor sees the photo loaded, in the width their screen needs, from the site itself.
 */

/** A phone photo: 2400 × 1800, with the camera and a GPS position in its EXIF. */
async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: "#8fb8a8" } })
    .composite([{ input: Buffer.from('<svg width="2400" height="1800"><circle cx="1200" cy="900" r="600" fill="#2f6b5e"/></svg>') }])
    .jpeg({ quality: 85 })
    .withExif({
      IFD0: { Make: "Testkamera" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 31/1 12/1", GPSLongitudeRef: "E", GPSLongitude: "13/1 24/1 36/1" },
    })
    .toBuffer();
}

test("the coach uploads a photo with its description into an article, publishes it, and a visitor sees it loaded with srcset", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signInCoach(page);
  await page.goto("/coach/artikel/neu");
  const stamp = Date.now();
  const title = `Dehnen am Fenster ${stamp}`;
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Text (Markdown)").fill("Ein ruhiger Absatz über das Dehnen am Morgen.");

  const upload = page.getByRole("group", { name: "Bild in den Text einfügen" });
  await upload.getByLabel("Foto").setInputFiles({ name: "IMG_2041.jpg", mimeType: "image/jpeg", buffer: await photo() });
  // Without a description the photo is not sent: the reason is said where the thumb is.
  await upload.getByRole("button", { name: "Bild hochladen" }).click();
  await expect(upload.getByRole("alert")).toHaveText(
    "Bitte beschreibe kurz, was auf dem Bild zu sehen ist: für Menschen, die es nicht sehen.",
  );
  await expectAccessible(page);

  await upload.getByLabel("Bildbeschreibung").fill("Eine Frau dehnt sich am offenen Fenster");
  await upload.getByRole("button", { name: "Bild hochladen" }).click();
  await expect(upload.getByRole("status")).toHaveText("Das Bild ist hochgeladen und in den Text eingefügt.");
  await upload.screenshot({ path: test.info().outputPath("editor-upload.png") });
  await expect(page.getByLabel("Text (Markdown)")).toHaveValue(
    /^Ein ruhiger Absatz über das Dehnen am Morgen\.\n\n!\[Eine Frau dehnt sich am offenen Fenster\]\(\/bilder\/[0-9a-f-]{36}\)\n$/,
  );

  // An image from another site is refused with a message that names the upload.
  const body = await page.getByLabel("Text (Markdown)").inputValue();
  await page.getByLabel("Text (Markdown)").fill(`${body}\n![Fremd](https://cdn.example/fremd.jpg)`);
  await page.getByRole("button", { name: "Veröffentlichen" }).click();
  await expect(page.getByText("Bilder von anderen Seiten kann die Seite nicht anzeigen.").first()).toBeVisible();
  await page.getByLabel("Text (Markdown)").fill(body);

  await page.getByRole("button", { name: "Veröffentlichen" }).click();
  await expect(page.getByText("Gespeichert und veröffentlicht.")).toBeVisible();

  const visitorContext = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/artikel/dehnen-am-fenster-${stamp}`);
  const image = visitor.getByRole("img", { name: "Eine Frau dehnt sich am offenen Fenster" });
  await image.scrollIntoViewIfNeeded();
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const srcset = (await image.getAttribute("srcset"))!;
  expect(srcset).toMatch(
    /^\/bilder\/[0-9a-f-]{36}\/480\.webp 480w, \/bilder\/[0-9a-f-]{36}\/960\.webp 960w, \/bilder\/[0-9a-f-]{36}\/1600\.webp 1600w$/,
  );
  expect(await image.getAttribute("width")).toBe("1600");
  expect(await image.getAttribute("height")).toBe("1200");
  expect(await image.getAttribute("loading")).toBe("lazy");
  // 350 CSS px at twice the density: the 960 px variant, not the 1600 px one.
  expect(await image.evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname)).toMatch(/\/960\.webp$/);
  const served = await visitor.request.get(new URL(srcset.split(" ")[0]!, visitor.url()).toString());
  expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect((await served.body()).includes(Buffer.from("Testkamera"))).toBe(false);
  await expectAccessible(visitor);
  await visitor.screenshot({ path: test.info().outputPath("article-with-photo.png"), fullPage: false });
  await visitorContext.close();

  // Tidy up: the journey's article goes again.
  await page.getByRole("button", { name: "Artikel löschen …" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Endgültig löschen" }).click();
  await expect(page.getByText("Der Artikel wurde gelöscht.")).toBeVisible();
});
