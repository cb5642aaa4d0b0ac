import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { sans, serif, serifItalic } from "./_fonts";
import { getPracticeSettings } from "@/lib/settings/queries";
import { staticSiteOrigin } from "@/lib/site-url";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getPracticeSettings();
  return {
    metadataBase: new URL(staticSiteOrigin()),
    title: { default: settings.practiceName, template: `%s · ${settings.practiceName}` },
    description:
      "Coaching bei chronischen Rückenschmerzen ohne passenden Befund: verstehen, was das Nervensystem gelernt hat, und wieder Vertrauen in den eigenen Körper finden.",
    alternates: { types: { "application/rss+xml": "/feed.xml" } },
    openGraph: { siteName: settings.practiceName, locale: "de_DE", type: "website" },
  };
}

export const viewport: Viewport = { themeColor: "#2f6b5e" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="de" className={`${sans.variable} ${serif.variable} ${serifItalic.variable}`}>
      <body className="flex min-h-dvh flex-col">{children}</body>
    </html>
  );
}
