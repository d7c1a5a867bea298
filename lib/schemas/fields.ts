import { z } from "zod";
import { identifierProblem } from "./identifier";

/**
 * How a form value (text or boolean, what inputs hold) becomes a database value. Every editable column of
 * mappings_table / mappings_column / mappings_relation has a kind; inline grid edits and full forms both go
 * through the entity's one zod schema and then through toDbValue.
 */
export type FieldKind = "text" | "required" | "bool" | "int" | "json";

export const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
export const requiredText = (max: number, what: string) => text(max).min(1, `${what} is required.`);
export const longText = z.string().max(100_000, "At most 100,000 characters.");
export const intText = z
  .string()
  .trim()
  .regex(/^(-?\d{1,9})?$/, "A whole number.");
export const identifier = (what: string) =>
  z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const problem = identifierProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem === "Enter a name." ? `${what} is required.` : problem });
    });
export const optionalIdentifier = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (v === "") return;
    const problem = identifierProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** A value from a grid cell (boolean, number, parsed JSON, text or null) → the form's representation. */
export function toFormValue(kind: FieldKind, value: unknown): string | boolean {
  if (kind === "bool") return value === true;
  if (value === null || value === undefined) return "";
  if (kind === "json") return typeof value === "string" ? value : JSON.stringify(value);
  return String(value);
}

/** A validated form value → the query parameter (JSON goes as text: pg would send arrays as PG arrays). */
export function toDbValue(kind: FieldKind, value: string | boolean): unknown {
  if (kind === "bool") return value === true;
  const s = String(value);
  if (kind === "required") return s.trim();
  if (s.trim() === "") return null;
  if (kind === "int") return Number(s);
  if (kind === "json") return JSON.stringify(JSON.parse(s));
  return s;
}

/** A database value → the form's representation. */
export function fromDbValue(kind: FieldKind, value: unknown): string | boolean {
  if (kind === "bool") return value === true;
  if (value === null || value === undefined) return "";
  if (kind === "json") return JSON.stringify(value, null, 2);
  return String(value);
}
