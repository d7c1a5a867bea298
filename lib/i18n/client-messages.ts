import type { NamespaceKeys, NestedKeyOf } from "next-intl";
import type { Messages } from "./catalogs";

/** A namespace of the catalogs ("database" or "database.drift"), checked by the compiler. */
export type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * The message namespaces the browser receives, per part of the app: the one home of which client components need
 * which messages. Every page's RSC payload used to carry the whole catalog of its language (61 of the Import page's
 * 86 kB), while its client components use a few namespaces; the server renders the rest itself.
 * `shell`: the root and editor layouts' client components and the editor's error boundary (root provider).
 * Each other key is a route segment whose layout wraps its pages in <SegmentMessages segment=…> (the shell's
 * namespaces and its own). lib/i18n/client-messages.test.ts follows every page's imports to its client components
 * and fails when one of them asks for a namespace its segment does not send (a raw key on screen otherwise).
 */
export const CLIENT_MESSAGES = {
  shell: ["nav", "pages.error", "prefs", "shell"],
  setup: ["fields.project", "project", "setup"],
  "api-endpoints": ["common", "conflict", "dialog", "endpoints", "fields", "grid"],
  database: ["database.drift", "database.import", "database.plan", "database.tabs"],
  diagram: ["common", "diagram", "dialog", "relations", "tables"],
  history: ["common", "dialog", "history"],
  project: ["common", "conflict", "dialog", "fields", "project"],
  relations: ["common", "conflict", "dialog", "fields", "grid", "relations"],
  tables: [
    "addColumn",
    "code",
    "columns",
    "common",
    "conflict",
    "diagram",
    "dialog",
    "endpoints",
    "fields",
    "grid",
    "groups",
    "history",
    "relations",
    "table",
    "tableJson",
    "tableTabs",
    "tables",
  ],
  tools: ["common", "tools"],
} as const satisfies Record<string, readonly Namespace[]>;

export type ClientSegment = Exclude<keyof typeof CLIENT_MESSAGES, "shell">;

type Tree = { [key: string]: string | Tree };

/** The parts of `messages` under `namespaces` (dotted paths), nested as in the catalog. A missing one is left out. */
export function pickMessages(messages: Tree, namespaces: readonly string[]): Tree {
  const picked: Tree = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let from: string | Tree | undefined = messages;
    for (const part of path) from = typeof from === "object" ? from[part] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const part of path.slice(0, -1)) {
      // A copy, never the catalog's own object: a namespace nested in one already picked must not change the catalog.
      const next = into[part];
      into = into[part] = typeof next === "object" ? { ...next } : {};
    }
    into[path[path.length - 1]] = from;
  }
  return picked;
}

/** The messages a segment's pages send to the browser: the shell's and the segment's own. */
export function clientMessages(messages: Tree, segment: ClientSegment | "shell"): Tree {
  return pickMessages(messages, segment === "shell" ? CLIENT_MESSAGES.shell : [...CLIENT_MESSAGES.shell, ...CLIENT_MESSAGES[segment]]);
}
