import localFont from "next/font/local";

// Self-hosted from npm packages: no page ever asks a font host for anything.
//
// Only the upright faces are preloaded: every page's first screen is set in them, and each preload
// competes with the page for the first bytes of a slow connection (Lighthouse's LCP, mobile: four
// preloaded faces, 205 KB, kept the largest paint at 2.6–3.5 s; without any preload the late swap
// shifted the layout instead). The italic faces are families of their own, fetched only when a page
// shows italic text (app/globals.css sets them on em, i, cite and blockquote).
// (next/font reads these calls at build time: every value is written out.)

export const sans = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  variable: "--font-sans",
  display: "swap",
});

export const sansItalic = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-italic.woff2",
  style: "italic",
  weight: "100 900",
  variable: "--font-sans-italic",
  display: "swap",
  preload: false,
});

export const serif = localFont({
  src: "../../node_modules/@fontsource-variable/literata/files/literata-latin-wght-normal.woff2",
  weight: "200 900",
  variable: "--font-serif",
  display: "swap",
});

export const serifItalic = localFont({
  src: "../../node_modules/@fontsource-variable/literata/files/literata-latin-wght-italic.woff2",
  style: "italic",
  weight: "200 900",
  variable: "--font-serif-italic",
  display: "swap",
  preload: false,
});
