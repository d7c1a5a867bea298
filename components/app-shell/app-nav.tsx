"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export const NAV_ITEMS = [
  { href: "/", label: "Home" },
  { href: "/project", label: "Project" },
  { href: "/tables", label: "Tables" },
  { href: "/relations", label: "Relations" },
  { href: "/diagram", label: "Diagram" },
  { href: "/api-endpoints", label: "API endpoints" },
  { href: "/history", label: "History" },
  { href: "/database", label: "Database" },
  { href: "/tools", label: "Tools" },
] as const;

export function AppNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-wrap gap-1">
      {NAV_ITEMS.map((item) => {
        if ("pending" in item) {
          return (
            <span
              key={item.href}
              aria-disabled="true"
              title="Not available yet"
              className="cursor-not-allowed rounded-md px-3 py-1.5 text-sm text-zinc-400"
            >
              {item.label}
            </span>
          );
        }
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm",
              active ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-100",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
