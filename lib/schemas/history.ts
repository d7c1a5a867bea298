import { z } from "zod";

const LOGGED = ["project", "mappings_table", "mappings_column", "mappings_relation", "mappings_api_endpoint"] as const;
const OPERATIONS = ["INSERT", "UPDATE", "DELETE"] as const;
const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === "" || !Number.isNaN(Date.parse(v)), "A date and time.")
  .optional();

/** The History page's filters (search params) and the table tab's request: all optional, all checked. */
export const historyFilterSchema = z.object({
  table: z.union([z.enum(LOGGED), z.literal("")]).optional(),
  operation: z.union([z.enum(OPERATIONS), z.literal("")]).optional(),
  from: optionalDate,
  to: optionalDate,
  tableId: z.coerce.number<string | number>().int().positive().optional(),
  before: z.coerce.number<string | number>().int().positive().optional(),
});
export type HistoryFilterInput = z.input<typeof historyFilterSchema>;

export const restoreSchema = z.object({
  entryId: z.coerce.number<string | number>().int().positive(),
  which: z.enum(["before", "after"]),
});
