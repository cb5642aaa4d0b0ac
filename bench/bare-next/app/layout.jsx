// The bench's bare Next.js app (bench/ceilings.ts): nothing but the framework, our exact version.
export const metadata = { title: "Bare Next.js page" };

export default function RootLayout({ children }) {
  return (
    <html lang="de">
      <body>{children}</body>
    </html>
  );
}
