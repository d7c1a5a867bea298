import { z } from "zod";
import { tableSchema } from "./table";
import { vmsg } from "../i18n/messages";

/** Above this many tables the page does not send every column: the diagram shows a part and loads its columns. */
export const FULL_MODEL_LIMIT = 400;

/** Coordinates the diagram stores: whole pixels, within a canvas no one will scroll past. */
const coordinate = z.number().int("A whole number.").min(-1_000_000).max(1_000_000);

/** Positions dragged on the diagram (one table, or a selection moved together). */
export const positionsSchema = z
  .array(z.object({ table_id: z.number().int().positive(), x: coordinate, y: coordinate }).strict())
  .min(1)
  .max(5_000)
  // Two places for one table in one request cannot both be kept (PostgreSQL would refuse the whole statement).
  .refine((ps) => new Set(ps.map((p) => p.table_id)).size === ps.length, "Each table may be placed once per request.");
export type PositionValues = z.infer<typeof positionsSchema>;

/** The tables whose columns the diagram loads when the model is too big to load them all at once. */
export const tableIdsSchema = z.array(z.number().int().positive()).min(1).max(500);

/** The key a table made on the diagram gets: its primary key column (named by primary_key) of this type. */
export const KEY_TYPES = ["BIGSERIAL", "SERIAL", "UUID"] as const;

export const diagramTableSchema = tableSchema.extend({ key_type: z.enum([...KEY_TYPES, ""]) }).superRefine((v, ctx) => {
  if (v.key_type && !v.primary_key) {
    ctx.addIssue({ code: "custom", path: ["primary_key"], message: vmsg("nameKey") });
  }
});
export type DiagramTableInput = z.input<typeof diagramTableSchema>;
export type DiagramTableValues = z.output<typeof diagramTableSchema>;
