import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Cartofia Arcade", template: "%s · Cartofia Arcade" },
  description: "Our games, one click away.",
};

export const viewport: Viewport = { themeColor: "#09090b", colorScheme: "dark" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page carries a per-request CSP nonce (proxy.ts), so none may be prerendered: a static page's scripts
  // would have no nonce and be refused.
  await connection();
  return (
    <html lang="en" className="dark">
      <body className="min-h-dvh font-sans text-zinc-100 antialiased">
        <a
          href="#main"
          className="sr-only z-50 rounded-lg bg-cyan-300 px-3 py-2 font-semibold text-zinc-950 focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
