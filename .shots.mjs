import { chromium } from "@playwright/test";
const [,, url, prefix, width, ...ys] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking"] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(url, { waitUntil: "networkidle" });
console.log("height", await page.evaluate(() => document.body.scrollHeight));
for (const [i, y] of ys.entries()) {
  await page.screenshot({ path: `${prefix}${i}.png`, clip: { x: 0, y: Number(y), width: Number(width), height: 900 }, fullPage: true });
}
await browser.close();
