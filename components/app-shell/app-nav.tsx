"use client";

import { Menu } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";

export const NAV_ITEMS = [
  { href: "/", key: "home" },
  { href: "/project", key: "project" },
  { href: "/tables", key: "tables" },
  { href: "/relations", key: "relations" },
  { href: "/diagram", key: "diagram" },
  { href: "/api-endpoints", key: "endpoints" },
  { href: "/history", key: "history" },
  { href: "/database", key: "database" },
  { href: "/tools", key: "tools" },
] as const;

/** The main navigation; below the md breakpoint (phones) it folds behind a Menu button. */
export function AppNav() {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [pathname]);
  return (
    <div className="contents">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="main-nav"
        onClick={() => setOpen((o) => !o)}
        className="inline-flex items-center gap-1 rounded-md border border-zinc-300 px-2 py-1 text-sm text-zinc-700 md:hidden"
      >
        <Menu aria-hidden className="size-4" />
        {t("menu")}
      </button>
      <nav
        id="main-nav"
        aria-label={t("label")}
        className={cn("order-last w-full flex-wrap gap-1 md:order-none md:flex md:w-auto", open ? "flex" : "hidden")}
      >
        {NAV_ITEMS.map((item) => {
          const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
          return (
            <Link
              key={item.href}
              href={item.href}
              // Every page is rendered per request, so a prefetch brings little (the route's tree and its layouts), yet
              // the nine of them cost the server more CPU than the page itself (each renders the editor's layout
              // with its database check), on every page load, competing with the user's first click.
              prefetch={false}
              aria-current={active ? "page" : undefined}
              className={cn(
                "rounded-md px-3 py-1.5 text-sm",
                active ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-100",
              )}
            >
              {t(item.key)}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
