import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { sans, serif } from "./_fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Rückenwind Coaching", template: "%s · Rückenwind Coaching" },
  description: "Coaching bei chronischen Rückenschmerzen ohne passenden Befund: verstehen, was das Nervensystem lernt, und wieder vertrauen.",
};

export const viewport: Viewport = { themeColor: "#2f6b5e" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: the Content-Security-Policy nonce is new each time.
  await connection();
  return (
    <html lang="de" className={`${sans.variable} ${serif.variable}`}>
      <body className="flex min-h-dvh flex-col">{children}</body>
    </html>
  );
}
