import localFont from "next/font/local";

// Self-hosted: no page ever asks a font host for anything. The files are Inter and Literata cut to
// the weights and characters the site uses (scripts/subset-fonts.sh): 28 KB of Inter for the weights
// 400–700 instead of 48 KB for 100–900, 20 KB of Literata at 600, its one weight, instead of 52 KB.
//
// Only the upright faces are preloaded: every page's first screen is set in them, and each preload
// competes with the page for the first bytes of a slow connection (Lighthouse's simulated LCP counts
// every request that started before the largest paint). Without any preload the late swap shifted
// the layout instead. Italic running text is Inter slanted by the browser; Literata's italic is a
// family of its own, fetched only where a heading has italic words (app/globals.css).
// (next/font reads these calls at build time: every value is written out.)

export const sans = localFont({
  src: "./inter-400-700.woff2",
  weight: "400 700",
  variable: "--font-sans",
  display: "swap",
});

export const serif = localFont({
  src: "./literata-600.woff2",
  weight: "600",
  variable: "--font-serif",
  display: "swap",
});

export const serifItalic = localFont({
  src: "./literata-600-italic.woff2",
  style: "italic",
  weight: "600",
  variable: "--font-serif-italic",
  display: "swap",
  preload: false,
});
