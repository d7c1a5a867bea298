import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileOfParts } from "../codegen/file-parts";
import type { GeneratedFile } from "../codegen/project-files";
import { GENERATED_MARK, newGenerationSession, writeGenerated } from "./generation";

const root = mkdtempSync(path.join(os.tmpdir(), "generation-write-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const files = (label: string): GeneratedFile[] => [
  fileOfParts("zod.ts", [`${GENERATED_MARK}\n`, `// ${label} 전자우편\n`, "export const a = 1;\n"]),
  { path: "forms/UserForm.tsx", content: `${GENERATED_MARK}\n// ${label} 사용자\n` },
  { path: "forms/PostForm.tsx", content: `${GENERATED_MARK}\n// ${label}\n` },
];
const statuses = (r: { path: string; status: string }[]) => Object.fromEntries(r.map((f) => [f.path, f.status]));
/** Every file's mtime pushed back, so a rewrite shows whatever the clock's resolution. */
const age = (dir: string, rels: string[]) => rels.forEach((rel) => utimesSync(path.join(dir, rel), 1_000_000, 1_000_000));

describe("writing the generated files", () => {
  it("a single run (no session) writes what differs byte for byte, touches nothing else, and removes stale forms", async () => {
    const dir = path.join(root, "once");
    expect(statuses(await writeGenerated(dir, files("one")))).toEqual({ "zod.ts": "written", "forms/UserForm.tsx": "written", "forms/PostForm.tsx": "written" });
    for (const f of files("one")) expect(readFileSync(path.join(dir, f.path), "utf8")).toBe(f.content);

    age(dir, ["zod.ts", "forms/UserForm.tsx", "forms/PostForm.tsx"]);
    expect(statuses(await writeGenerated(dir, files("one")))).toEqual({ "zod.ts": "unchanged", "forms/UserForm.tsx": "unchanged", "forms/PostForm.tsx": "unchanged" });
    for (const rel of ["zod.ts", "forms/UserForm.tsx", "forms/PostForm.tsx"]) expect(statSync(path.join(dir, rel)).mtimeMs).toBe(1_000_000_000);

    // Same size, other bytes (someone edited a generated file): rewritten; so is a file that is now shorter.
    writeFileSync(path.join(dir, "forms/UserForm.tsx"), files("two")[1].content);
    writeFileSync(path.join(dir, "zod.ts"), "x");
    const [zod, user, post] = files("one");
    expect(statuses(await writeGenerated(dir, [zod, user, post]))).toEqual({ "zod.ts": "written", "forms/UserForm.tsx": "written", "forms/PostForm.tsx": "unchanged" });
    expect(readFileSync(path.join(dir, "zod.ts"), "utf8")).toBe(zod.content);
    expect(readFileSync(path.join(dir, "forms/UserForm.tsx"), "utf8")).toBe(user.content);

    // A table gone: its generated form is removed; a file of the user's own in forms/ stays.
    writeFileSync(path.join(dir, "forms/Mine.tsx"), "// mine\n");
    const result = await writeGenerated(dir, [zod, user]);
    expect(statuses(result)).toEqual({ "zod.ts": "unchanged", "forms/UserForm.tsx": "unchanged", "forms/PostForm.tsx": "removed" });
    expect(readFileSync(path.join(dir, "forms/Mine.tsx"), "utf8")).toBe("// mine\n");
  });

  it("a file's place taken by a directory is an error, as before", async () => {
    const dir = path.join(root, "blocked");
    mkdirSync(path.join(dir, "zod.ts"), { recursive: true });
    await expect(writeGenerated(dir, files("one"))).rejects.toThrow(/EISDIR/);
  });

  it("a single run and a watching session write the same bytes", async () => {
    const once = path.join(root, "same-once");
    const watched = path.join(root, "same-watch");
    await writeGenerated(once, files("three"));
    await writeGenerated(watched, files("three"), newGenerationSession().written);
    for (const f of files("three")) expect(readFileSync(path.join(once, f.path))).toEqual(readFileSync(path.join(watched, f.path)));
  });
});
