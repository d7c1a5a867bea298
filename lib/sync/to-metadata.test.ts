import { describe, expect, it } from "vitest";
import { z } from "zod";
import { inLocale } from "../i18n/messages";
import { labelFor } from "../metadata/derive";
import { columnSchema } from "../schemas/column";
import type { TableModel } from "./model";
import { columnValuesFrom } from "./to-metadata";

const table: TableModel = {
  schema: "public",
  name: "orders",
  comment: null,
  columns: [],
  primaryKey: ["id"],
  primaryKeyName: "orders_pkey",
  uniques: [],
  indexes: [],
  checks: [],
};
const column = (name: string, type: string) => ({ name, type, serial: null, identity: null, notNull: true, default: null, comment: null });

describe("columnValuesFrom (each field checked once per distinct value)", () => {
  it("gives what the column schema's own parse gives, on first sight and from the cache", () => {
    for (let round = 0; round < 2; round++) {
      for (const [name, type] of [["id", "bigint"], ["note", "text"], ["amount", "numeric(10,2)"]]) {
        const values = columnValuesFrom(table, column(name, type), 1, new Map(), null);
        expect(values).toEqual(columnSchema.parse(values));
        expect(values.pg_column).toBe(name);
        expect(values.pg_type).toBe(type);
      }
    }
  });

  it("refuses a value the schema refuses, with the schema's own error, even after the same field passed", () => {
    columnValuesFrom(table, column("ok", "text"), 1, new Map(), null);
    const bad = () => columnValuesFrom(table, column("bad", "text; DROP TABLE x"), 1, new Map(), null);
    expect(bad).toThrow(z.ZodError);
    try {
      bad();
    } catch (error) {
      expect((error as z.ZodError).issues.map((i) => i.path.join("."))).toContain("pg_type");
    }
  });

  it("derives the label in the current language, not the one a cached column was first seen in", () => {
    const label = (locale: "en" | "ko") => inLocale(locale, () => columnValuesFrom(table, column("user_id", "bigint"), 1, new Map(), null).label);
    expect(labelFor("user_id", "ko")).not.toBe(labelFor("user_id", "en"));
    for (let round = 0; round < 2; round++) {
      expect(label("en")).toBe(labelFor("user_id", "en"));
      expect(label("ko")).toBe(labelFor("user_id", "ko"));
    }
  });
});
