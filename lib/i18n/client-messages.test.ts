import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogs } from "./catalogs";
import { CLIENT_MESSAGES, clientMessages, pickMessages } from "./client-messages";

// Which namespaces each part of the app sends the browser (client-messages.ts) against what its client components ask
// for: every page's imports are followed to the modules that run in the browser ("use client" and what they import),
// and each useTranslations("…") there must be covered by its segment's messages. A miss shows a raw key on screen.
const ROOT = path.resolve(__dirname, "../..");
const APP = path.join(ROOT, "app");
const EDITOR = path.join(APP, "(editor)");

const rel = (file: string) => path.relative(ROOT, file);

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null; // a package: its messages are not ours
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  // Not a file: an import inside generated code's text (lib/codegen). A real import missed would leave a client
  // component unreached, which "reaches every client component that translates" reports.
  return null;
}

const IMPORTS = /(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|import\s+["']([^"']+)["']/g;
const LITERAL_USE = /useTranslations\(\s*["']([^"']+)["']\s*\)/g;

/** The namespaces asked for by the browser-side modules reachable from `entries` (namespace → files asking). */
function clientNamespaces(entries: string[], clientFiles = new Set<string>()): Map<string, Set<string>> {
  const asked = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    if (seen.has(`${file}|${inClient}`)) return;
    seen.add(`${file}|${inClient}`);
    const source = readFileSync(file, "utf8");
    const client = inClient || /^\s*["']use client["']/.test(source);
    if (client) {
      clientFiles.add(file);
      const literal = [...source.matchAll(LITERAL_USE)];
      // useTranslations() (the whole catalog) or a computed namespace cannot be checked here: refuse them.
      if ((source.match(/useTranslations\(/g) ?? []).length !== literal.length) {
        throw new Error(`${rel(file)}: useTranslations without a literal namespace`);
      }
      if (/\buseMessages\(/.test(source)) throw new Error(`${rel(file)}: useMessages reads the whole (picked) catalog`);
      for (const [, namespace] of literal) {
        if (!asked.has(namespace)) asked.set(namespace, new Set());
        asked.get(namespace)!.add(rel(file));
      }
    }
    for (const m of source.matchAll(IMPORTS)) {
      const target = resolveImport(file, m[1] ?? m[2] ?? m[3]);
      if (target && /\.tsx?$/.test(target)) visit(target, client);
    }
  };
  for (const entry of entries) visit(entry, false);
  return asked;
}

const sourcesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));

/** Each part of the app: its files, and the segment its layout sends messages for (by what the layout says). */
function routeGroups(): { name: string; entries: string[]; segment: string | null }[] {
  const segmentOf = (dir: string) => {
    const layout = path.join(dir, "layout.tsx");
    if (!existsSync(layout)) return null;
    return /<SegmentMessages segment="([^"]+)"/.exec(readFileSync(layout, "utf8"))?.[1] ?? null;
  };
  const groups: { name: string; entries: string[]; segment: string | null }[] = [
    // The root and editor layouts, the editor's home page and error boundary: under the root provider only.
    { name: "shell", entries: ["layout.tsx", "(editor)/layout.tsx", "(editor)/error.tsx", "(editor)/page.tsx"].map((f) => path.join(APP, f)), segment: null },
  ];
  for (const parent of [APP, EDITOR]) {
    for (const name of readdirSync(parent)) {
      const dir = path.join(parent, name);
      if (dir === EDITOR || !statSync(dir).isDirectory()) continue;
      groups.push({ name, entries: sourcesUnder(dir), segment: segmentOf(dir) });
    }
  }
  return groups;
}

function uncovered(group: { entries: string[]; segment: string | null }, sent: Record<string, readonly string[]>) {
  const provided = [...sent.shell, ...(group.segment ? (sent[group.segment] ?? []) : [])];
  const covered = (ns: string) => provided.some((p) => ns === p || ns.startsWith(`${p}.`));
  return [...clientNamespaces(group.entries)].filter(([ns]) => !covered(ns)).map(([ns, files]) => `${ns} (${[...files].join(", ")})`);
}

describe("the messages sent to the browser (lib/i18n/client-messages.ts)", () => {
  it("cover every namespace each page's client components ask for", () => {
    const groups = routeGroups();
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(["shell", "setup", "database", "tables", "diagram"]));
    for (const group of groups) expect(uncovered(group, CLIENT_MESSAGES), group.name).toEqual([]);
  });

  it("fails when a segment leaves out a namespace one of its client components uses", () => {
    const database = routeGroups().find((g) => g.name === "database")!;
    expect(database.segment).toBe("database");
    const without = { ...CLIENT_MESSAGES, database: CLIENT_MESSAGES.database.filter((ns) => ns !== "database.drift") };
    expect(uncovered(database, without)).toEqual([expect.stringContaining("database.drift (components/database/drift-list.tsx")]);
    // And a segment whose layout does not wire its messages gets the shell's only.
    expect(uncovered({ ...database, segment: null }, CLIENT_MESSAGES).length).toBeGreaterThan(0);
  });

  it("reaches every client component that translates (nothing the import walk misses)", () => {
    const reached = new Set<string>();
    for (const group of routeGroups()) clientNamespaces(group.entries, reached);
    const translating = ["app", "components", "lib"]
      .flatMap((d) => sourcesUnder(path.join(ROOT, d)))
      .filter((f) => {
        const source = readFileSync(f, "utf8");
        return /^\s*["']use client["']/.test(source) && /useTranslations\(/.test(source);
      });
    expect(translating.length).toBeGreaterThan(20);
    expect(translating.filter((f) => !reached.has(f)).map(rel)).toEqual([]);
  });

  it("names only namespaces both catalogs have", () => {
    for (const [segment, namespaces] of Object.entries(CLIENT_MESSAGES)) {
      for (const locale of ["en", "ko"] as const) {
        const picked = pickMessages(catalogs[locale], namespaces);
        for (const ns of namespaces) {
          const value = ns.split(".").reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], picked);
          expect(typeof value, `${segment}: ${ns} in ${locale}`).toBe("object");
        }
      }
    }
  });
});

describe("pickMessages", () => {
  it("keeps the picked namespaces nested as in the catalog, in Korean and English", () => {
    for (const locale of ["en", "ko"] as const) {
      const picked = clientMessages(catalogs[locale], "database");
      expect(Object.keys(picked).sort()).toEqual(["database", "nav", "pages", "prefs", "shell"]);
      expect(Object.keys(picked.database as object).sort()).toEqual(["drift", "import", "plan", "tabs"]);
      expect(picked.pages).toEqual({ error: catalogs[locale].pages.error });
      expect((picked.database as typeof catalogs.en.database).drift).toBe(catalogs[locale].database.drift);
    }
    expect(clientMessages(catalogs.ko, "database").nav).not.toEqual(catalogs.en.nav);
  });

  it("sends a fraction of the catalog and never changes it", () => {
    const before = JSON.stringify(catalogs.en);
    const picked = pickMessages(catalogs.en, ["database", "database.drift", "pages.error", "pages.database", "nowhere.at.all"]);
    expect(JSON.stringify(catalogs.en)).toBe(before);
    expect(Object.keys(picked.pages as object).sort()).toEqual(["database", "error"]);
    expect(picked.database).toEqual(catalogs.en.database);
    expect(picked).not.toHaveProperty("nowhere");
    expect(JSON.stringify(clientMessages(catalogs.en, "database")).length).toBeLessThan(before.length / 5);
  });
});
