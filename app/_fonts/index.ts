import localFont from "next/font/local";

// Self-hosted from npm packages: no page ever asks a font host for anything.
export const sans = localFont({
  src: [
    { path: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2", style: "normal" },
    { path: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-italic.woff2", style: "italic" },
  ],
  weight: "100 900",
  variable: "--font-sans",
  display: "swap",
});

export const serif = localFont({
  src: [
    { path: "../../node_modules/@fontsource-variable/literata/files/literata-latin-wght-normal.woff2", style: "normal" },
    { path: "../../node_modules/@fontsource-variable/literata/files/literata-latin-wght-italic.woff2", style: "italic" },
  ],
  weight: "200 900",
  variable: "--font-serif",
  display: "swap",
});
