/**
 * The form generator writes prettier's layout itself (formComponent): whatever it vouches for (`pretty`) must be
 * exactly what prettier prints for it, byte for byte. Swept over the widths where prettier's choices change
 * (labels, help, placeholders, options and names of every length up to past the print width, ASCII, Korean and
 * quotes), the fixtures and seeded random models. What it does not vouch for is formatted by prettier itself.
 */
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { formComponent, stringLiteral } from "./form-component";
import { buildFormSpecs, type FormFieldSpec, type FormSpec } from "./form-spec";
import { everything, usersPosts } from "./fixtures";
import { randomModel } from "./random-model";
import { resolveModel } from "./resolve";
import type { CodegenInput } from "./model";

const format = (text: string) => prettier.format(text, { parser: "typescript", printWidth: 100 });

const specs = (input: CodegenInput) => buildFormSpecs(resolveModel(input), []);
const product = specs(everything()).find((s) => s.typeName === "Product")!;
const template = (name: string) => product.fields.find((f) => f.name === name)!;

/** A text of `n` columns made of `unit` (which may be two columns wide). */
const text = (n: number, unit: string) => unit.repeat(Math.max(1, Math.floor(n / (/[가-힣]/.test(unit) ? 2 : 1) / unit.length)));

/** One field of every control, its texts `n` columns wide. */
function fieldsOf(n: number, unit: string, i: number): FormFieldSpec[] {
  const t = text(n, unit);
  const options = [{ value: text(n, "V"), label: t }, { value: "B", label: "" }];
  return [
    { ...template("sku"), name: `a${i}`, label: t, required: true, help: t, placeholder: t },
    { ...template("active"), name: `b${i}`, label: t },
    { ...template("status"), name: `c${i}`, label: t, placeholder: t, options },
    { ...template("grade"), name: `d${i}`, label: t, required: i % 2 === 0, options },
  ];
}

const form = (fields: FormFieldSpec[], typeName = "Product", label = "제품"): FormSpec => ({ tableId: 1, typeName, label, fields });

async function expectPrettierFixedPoint(spec: FormSpec, mustVouch: boolean) {
  const { text: out, pretty } = formComponent(spec);
  if (mustVouch) expect(pretty, spec.typeName).toBe(true);
  if (pretty) expect(out).toBe(await format(out));
}

describe("the form component in prettier's layout", () => {
  it.each([
    ["ASCII", "x"],
    ["Korean", "가"],
    ["quotes and escapes", `a"b"'\\\n`],
  ])("texts of every width, %s: exactly what prettier prints", async (_, unit) => {
    const fields = Array.from({ length: 105 }, (_, n) => fieldsOf(n + 1, unit, n)).flat();
    await expectPrettierFixedPoint(form(fields), true);
  }, 60_000);

  it("type names and field names of every length: prettier's layout when vouched for, and vouched for while short", async () => {
    for (const n of [1, 20, 30, 40, 45, 50, 55, 60, 70, 90]) {
      const typeName = "T" + "x".repeat(n - 1);
      const fields = fieldsOf(10, "가", 0).map((f, k) => ({ ...f, name: `${"n".repeat(n)}${k}` }));
      await expectPrettierFixedPoint(form(fields, typeName), n <= 20);
    }
  });

  it("defaults on one line or one a line, and awkward comments", async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...template("quantity"), name: `q${i}`, defaultValue: i % 3 === 0 ? `가"${i}` : i % 3 === 1 ? -i * 1.5 : true }));
    await expectPrettierFixedPoint(form(many.slice(0, 3)), true);
    await expectPrettierFixedPoint(form(many), true);
    for (const label of ["", "  spaces  ", "ends */ here", "/* nested", "`tick` ${x}", "탭", "@param x"]) await expectPrettierFixedPoint(form(many.slice(0, 1), "Product", label), true);
    // Not vouched for: a comment across lines, an object default (prettier reprints its JSON), a width unknown.
    expect(formComponent(form([], "Product", "two\nlines")).pretty).toBe(false);
    expect(formComponent(form([{ ...template("attributes"), defaultValue: { a: 1 } }])).pretty).toBe(false);
    expect(formComponent(form([{ ...template("sku"), label: "emoji 🙂" }])).pretty).toBe(false);
  });

  it("the fixtures and 30 seeded random models: exactly what prettier prints, nearly all vouched for", async () => {
    const all = [usersPosts(), everything(), ...Array.from({ length: 30 }, (_, i) => randomModel(1000 + i))].flatMap(specs);
    let vouched = 0;
    for (const spec of all) {
      const { text: out, pretty } = formComponent(spec);
      if (!pretty) continue;
      vouched++;
      expect(out, spec.typeName).toBe(await format(out));
    }
    expect(vouched).toBeGreaterThan(all.length * 0.9);
  }, 60_000);

  it("string literals in prettier's quotes", () => {
    expect(stringLiteral(`a"b`)).toBe(`'a"b'`);
    expect(stringLiteral(`a"b'c`)).toBe(`"a\\"b'c"`);
    expect(stringLiteral(`it's`)).toBe(`"it's"`);
  });
});
