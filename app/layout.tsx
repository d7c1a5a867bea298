import type { Metadata } from "next";
import { connection } from "next/server";
import { Toaster } from "sonner";
import { ZodJitless } from "@/components/app-shell/zod-jitless";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Metadata Editor", template: "%s · Metadata Editor" },
  description: "Define and manage a PostgreSQL project's _metadata schema.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so Next can put the CSP nonce (proxy.ts) on its scripts; a page
  // prerendered at build time would carry scripts the policy refuses.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <ZodJitless />
        {children}
        <Toaster position="bottom-right" richColors closeButton />
      </body>
    </html>
  );
}
