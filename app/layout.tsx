import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Cartofia Arcade",
  description: "Our games, one click away.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className="dark">
      <body className="min-h-dvh bg-zinc-950 text-zinc-100 antialiased">{children}</body>
    </html>
  );
}
