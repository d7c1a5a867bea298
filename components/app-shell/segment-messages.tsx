import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { clientMessages, type ClientSegment } from "@/lib/i18n/client-messages";

/** A segment's pages with the messages their client components use (lib/i18n/client-messages.ts), not the catalog. */
export async function SegmentMessages({ segment, children }: { segment: ClientSegment | "shell"; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={clientMessages(messages, segment)}>{children}</NextIntlClientProvider>;
}
