import { SegmentMessages } from "@/components/app-shell/segment-messages";

export default function Layout({ children }: { children: React.ReactNode }) {
  return <SegmentMessages segment="setup">{children}</SegmentMessages>;
}
