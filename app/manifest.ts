import type { MetadataRoute } from "next";

/**
 * The home-screen app: it opens the journal in its own window. The service worker that keeps the
 * journal form usable offline is registered in the client area only (components/pwa).
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Schmerztagebuch",
    short_name: "Tagebuch",
    description: "Dein Schmerztagebuch und dein Verlauf, auch unterwegs.",
    lang: "de",
    start_url: "/dashboard/tagebuch",
    scope: "/",
    display: "standalone",
    background_color: "#f7f5f0",
    theme_color: "#2f6b5e",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
