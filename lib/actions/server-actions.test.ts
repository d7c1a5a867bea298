import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

// The request a server action serves: a Korean browser's cookie.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "metadata_editor_locale" ? { value: "ko" } : undefined) }),
  headers: async () => new Headers({ "accept-language": "en-US" }),
}));

const { runAction, serverAction } = await import("./result");
const { say } = await import("../i18n/messages");
const { z } = await import("zod");

/** Every file under app/ that starts with "use server" (the action modules), and the route handlers. */
function actionModules(dir = path.resolve("app")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return actionModules(file);
    if (!/\.(ts|tsx)$/.test(entry.name)) return [];
    const text = readFileSync(file, "utf8");
    // Route handlers that say something (a download's refusal), like the actions.
    const speaks = entry.name === "route.ts" && /from "@\/lib\/(i18n|actions)\//.test(text);
    return /^\s*["']use server["']/.test(text) || speaks ? [file] : [];
  });
}

// The wrappers that run an action's work in the request's language (and the file's own serverAction-made helpers).
const scoped = (helpers: string[]) =>
  new RegExp(`^ {2}(return|const \\w+ = await) (${["runAction", "runInlineEdit", "runVersionedSave", "runCellEdits", "settle", ...helpers].join("|")})\\(`);

/** Exports that do not run in the request's language: `name: why`. */
function unscoped(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  const actionsOnly = /^\s*["']use server["']/.test(text);
  const SCOPED = scoped([...text.matchAll(/^const (\w+) = serverAction\(/gm)].map((m) => m[1]));
  const out: string[] = [];
  lines.forEach((line, i) => {
    const made = /^export const (\w+) = (\w+)\(/.exec(line);
    if (made) {
      if (made[2] !== "serverAction") out.push(`${made[1]}: made by ${made[2]}, not serverAction`);
      return;
    }
    const fn = /^export (?:async )?function (\w+)/.exec(line);
    if (!fn) {
      if (actionsOnly && /^export (const|let|var|default) /.test(line)) out.push(`${line.slice(0, 60)}: not an action made by serverAction`);
      return;
    }
    // The body's first line: after the signature's last line (the first line from here that ends with "{").
    let end = i;
    while (end < lines.length && !lines[end].trimEnd().endsWith("{")) end++;
    if (!SCOPED.test(lines[end + 1] ?? "")) out.push(`${fn[1]}: its body does not start with serverAction's or runAction's scope`);
  });
  return out;
}

describe("server actions speak the request's language", () => {
  it("every action and route is made by serverAction or returns runAction & co at once (a new one cannot forget it)", () => {
    const files = actionModules();
    expect(files.length).toBeGreaterThan(10);
    const problems = files.flatMap((file) => unscoped(file).map((p) => `${path.relative(process.cwd(), file)}: ${p}`));
    expect(problems).toEqual([]);
  });

  it("the check finds an action that forgot it", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "actions-")), "forgotten-action.ts");
    const text = '"use server";\n\nexport async function forgotten(input: unknown) {\n  const parsed = schema.safeParse(input);\n}\n\nexport const wrapped = somethingElse(async () => 1);\n';
    writeFileSync(file, text);
    expect(unscoped(file)).toEqual([
      "forgotten: its body does not start with serverAction's or runAction's scope",
      "wrapped: made by somethingElse, not serverAction",
    ]);
  });

  it("serverAction and runAction run their work, and the refusals it makes, in the request's language", async () => {
    expect(await serverAction(async () => say("server.nothingToChange"))()).toBe("바꿀 것이 없습니다.");
    const schema = z.object({ name: z.string().min(1, { error: () => say("server.nothingToAdd") }) });
    expect(await runAction(schema, { name: "" }, async () => 1)).toMatchObject({ ok: false, fieldErrors: { name: "추가할 것이 없습니다." } });
    // Outside an action: English.
    expect(say("server.nothingToChange")).toBe("Nothing to change.");
  });
});
