"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const TABS = [
  { href: "/database/import", label: "import" },
  { href: "/database/drift", label: "drift" },
  { href: "/database/plan", label: "plan" },
] as const;

export function DatabaseTabs() {
  const pathname = usePathname();
  const t = useTranslations("database.tabs");
  return (
    <nav aria-label={t("label")} className="flex gap-1 overflow-x-auto border-b border-zinc-200">
      {TABS.map((tab) => {
        const active = pathname.startsWith(tab.href);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            // Not prefetched, as the main navigation (app-nav.tsx): a server render per tab on every page load.
            prefetch={false}
            aria-current={active ? "page" : undefined}
            className={cn("-mb-px shrink-0 whitespace-nowrap border-b-2 px-3 py-2 text-sm", active ? "border-zinc-900 font-medium" : "border-transparent text-zinc-600 hover:text-zinc-900")}
          >
            {t(tab.label)}
          </Link>
        );
      })}
    </nav>
  );
}
