import { describe, expect, it } from "vitest";
import { actionNestingRefusal, MAX_ACTION_NESTING, nestedDeeperThan } from "./body-depth";

const deep = (n: number, open = "[", close = "]") => open.repeat(n) + close.repeat(n);

describe("a server action body's nesting", () => {
  it("counts arrays and objects, not brackets inside strings (escaped quotes included)", () => {
    expect(nestedDeeperThan(deep(10), 10)).toBe(false);
    expect(nestedDeeperThan(deep(11), 10)).toBe(true);
    expect(nestedDeeperThan('{"a":'.repeat(11) + "1" + "}".repeat(11), 10)).toBe(true);
    expect(nestedDeeperThan(`["${"[".repeat(100)}"]`, 10)).toBe(false);
    expect(nestedDeeperThan(`["a\\"${"{".repeat(100)}"]`, 10)).toBe(false);
    expect(nestedDeeperThan(`["a\\\\", ${deep(11)}]`, 10)).toBe(true);
    // Siblings do not add up.
    expect(nestedDeeperThan(`[${Array.from({ length: 100 }, () => deep(9)).join(",")}]`, 10)).toBe(false);
  });

  const post = (body: string | FormData, type?: string) =>
    new Request("http://127.0.0.1/metadata-editor/tables", {
      method: "POST",
      body,
      headers: {
        ...(type ? { "Content-Type": type } : {}),
        "Content-Length": String(typeof body === "string" ? Buffer.byteLength(body) : 100_000),
      },
    });

  it("refuses a text body or a form field nested past the limit; a deep uploaded file is not decoded, so not refused", async () => {
    expect(await actionNestingRefusal(post(`[${deep(MAX_ACTION_NESTING)}]`, "text/plain;charset=UTF-8"))).toMatch(/nested more than 500 levels/);
    expect(await actionNestingRefusal(post(`[${deep(MAX_ACTION_NESTING - 1)}]`, "text/plain;charset=UTF-8"))).toBeNull();
    const form = new FormData();
    form.append("1_file", new Blob([deep(5000)]), "backup.json");
    form.append("0", '["$K1"]');
    expect(await actionNestingRefusal(post(form))).toBeNull();
    form.append("2", deep(5000));
    expect(await actionNestingRefusal(post(form))).toMatch(/nested more than/);
    // A small body is not read at all.
    expect(await actionNestingRefusal(post(deep(200), "text/plain"))).toBeNull();
  });
});
