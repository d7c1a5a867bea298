import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { outputDir } from "../../test/helpers/codegen";
import { everything, usersPosts } from "./fixtures";
import { analyze, generateFiles } from "./generate";
import { buildFormSpec } from "./form-spec";
import { runtimeObject } from "./zod-runtime";

type Schemas = Record<string, z.ZodObject>;
const out = outputDir();
let generated: Schemas;

beforeAll(async () => {
  for (const [name, input] of [["everything", everything()], ["users", usersPosts()]] as const) {
    out.write(generateFiles(input).filter((f) => f.path === "zod.ts"), name);
  }
  generated = {
    ...(await import(pathToFileURL(path.join(out.dir, "everything", "zod.ts")).href)),
    ...(await import(pathToFileURL(path.join(out.dir, "users", "zod.ts")).href)),
  };
});
afterAll(() => out.cleanup());

const runtime: Schemas = Object.fromEntries(
  [...analyze(everything()).model.tables, ...analyze(usersPosts()).model.tables].map((t) => [`${t.typeName}Schema`, runtimeObject(t.columns.map((c) => c.rule))]),
);

/** [schema, field, value, accepted, message (when refused)]. */
type Case = [string, string, unknown, boolean, string?];
const P = "ProductSchema";
const CASES: Case[] = [
  // minLength, maxLength, pattern (validation_rules), VARCHAR(20)
  [P, "sku", "AB-12", true],
  [P, "sku", "AB", false, "Sku must be at least 3 characters."],
  [P, "sku", "ABCDEFGHIJKLM", false, "Sku must be at most 12 characters."],
  [P, "sku", "ab-12", false, "Sku is not in the expected format."],
  [P, "sku", "", false, "Sku is required."],
  [P, "sku", null, false, "Sku is required."],
  [P, "sku", 12345, false, "Sku: enter a valid value."],
  // email
  [P, "contact", "a@example.com", true],
  [P, "contact", "not-an-email", false, "Contact must be a valid e-mail address."],
  [P, "contact", null, true],
  // INTEGER with min/max
  [P, "quantity", 10, true],
  [P, "quantity", -1, false, "Quantity must be at least 0."],
  [P, "quantity", 1001, false, "Quantity must be at most 1000."],
  [P, "quantity", 1.5, false, "Quantity must be a whole number."],
  [P, "quantity", "10", false, "Quantity: enter a valid value."],
  [P, "quantity", undefined, false, "Quantity is required."],
  // SMALLINT range
  [P, "small", 32767, true],
  [P, "small", 32768, false, "Small must be at most 32767."],
  // NUMERIC(8,2)
  [P, "price", 123456.78, true],
  [P, "price", 1234567.5, false, "Price allows 8 digits, 2 after the decimal point."],
  [P, "price", 1.234, false, "Price allows 8 digits, 2 after the decimal point."],
  [P, "price", -1, false, "Price must be at least 0."],
  // BIGINT as BigInt (a decimal string)
  [P, "stockTotal", "9223372036854775807", true],
  [P, "stockTotal", "12.5", false, "Stock total must be a whole number."],
  [P, "stockTotal", 12, false, "Stock total: enter a valid value."],
  // UUID key
  [P, "id", "123e4567-e89b-12d3-a456-426614174000", true],
  [P, "id", "123", false, "ID: enter a valid value."],
  // booleans, dates, times, timestamps
  [P, "active", true, true],
  [P, "active", "true", false, "Active: enter a valid value."],
  [P, "releasedOn", "2026-11-28", true],
  [P, "releasedOn", "2026-13-01", false, "Released on: enter a valid value."],
  [P, "opensAt", "09:30", true],
  [P, "updatedAt", "2026-11-28T09:30:00Z", true],
  [P, "updatedAt", "2026-11-28T09:30", true],
  [P, "updatedAt", "yesterday", false, "Updated at: enter a valid value."],
  // JSON, arrays
  [P, "attributes", { color: "red", sizes: [1, 2] }, true],
  [P, "attributes", Number.NaN, false, "Attributes: enter a valid value."],
  [P, "tags", ["a", null], true],
  [P, "tags", "a", false, "Tags: enter a valid value."],
  // enum_options (Korean label stays Korean in the message's label; required)
  [P, "status", "ACTIVE", true],
  [P, "status", "DELETED", false, "Status: choose one of the options."],
  [P, "status", null, false, "Status is required."],
  // users/posts: the issue's example
  ["UserSchema", "email", "you@example.com", true],
  ["UserSchema", "email", "not-an-email", false, "이메일은(는) 올바른 이메일 주소여야 합니다."],
  ["UserSchema", "email", "", false, "이메일은(는) 필수 항목입니다."],
  ["UserSchema", "name", "x".repeat(101), false, "이름은(는) 100자 이하여야 합니다."],
  ["UserSchema", "id", "42", true],
  ["UserSchema", "id", "4x", false, "ID must be a whole number."],
];

describe("zod schemas: generated source and the preview's runtime schema", () => {
  it.each(CASES)("%s.%s = %j → %s", (schema, field, value, accepted, message) => {
    for (const schemas of [generated, runtime]) {
      const result = schemas[schema].shape[field].safeParse(value);
      expect(result.success).toBe(accepted);
      if (!accepted) expect(result.error!.issues[0].message).toBe(message);
    }
  });

  it("a whole valid row is accepted and the form schema picks the visible fields in order", () => {
    const row = {
      id: "123e4567-e89b-12d3-a456-426614174000", sku: "AB-1", contact: null, quantity: 1, small: null, price: 9.99, ratio: 0.5,
      stockTotal: "1", active: false, releasedOn: null, opensAt: null, updatedAt: null, attributes: null, tags: null,
      status: "ACTIVE", grade: null, notes: null, secret: null, computedScore: null,
    };
    expect(generated.ProductSchema.safeParse(row).success).toBe(true);
    expect(runtime.ProductSchema.safeParse(row).success).toBe(true);
    expect(Object.keys(generated.ProductFormSchema.shape)).toEqual(
      ["sku", "contact", "quantity", "small", "price", "ratio", "stockTotal", "active", "releasedOn", "opensAt", "updatedAt", "attributes", "tags", "status", "grade", "notes", "computedScore"],
    );
  });

  it("a NOT NULL field the database fills (a default) may be left empty in the form, as in the create input; not in a row", () => {
    const { sku, quantity, active, status } = { sku: "AB-1", quantity: 1, active: true, status: "ACTIVE" };
    const form = { sku, contact: null, small: null, price: null, ratio: null, stockTotal: null, releasedOn: null, opensAt: null, updatedAt: null, attributes: null, tags: null, grade: null, notes: null, computedScore: null };
    expect(generated.ProductFormSchema.safeParse(form).success).toBe(true);
    expect(generated.ProductFormSchema.safeParse({ ...form, quantity, active, status }).success).toBe(true);
    expect(generated.ProductFormSchema.safeParse({ ...form, quantity: 5000 }).success).toBe(false); // its rules still hold
    expect(generated.ProductFormSchema.safeParse({ ...form, sku: null }).success).toBe(false); // no default: still required
    expect(generated.ProductSchema.shape.quantity.safeParse(null).success).toBe(false);
    const products = analyze(everything()).model.tables.find((t) => t.typeName === "Product")!;
    const spec = buildFormSpec(products, []);
    const required = spec.fields.filter((f) => f.required).map((f) => f.name);
    expect(required).toEqual(["sku"]);
    const preview = runtimeObject(spec.fields.map((f) => f.rule));
    expect(preview.safeParse(form).success).toBe(true);
    expect(preview.safeParse({ ...form, sku: "" }).success).toBe(false);
  });
});
