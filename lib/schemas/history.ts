import { z } from "zod";
import { dateTimeText, idValue } from "./fields";

const LOGGED = ["project", "mappings_table", "mappings_column", "mappings_relation", "mappings_api_endpoint"] as const;
const OPERATIONS = ["INSERT", "UPDATE", "DELETE"] as const;

const optionalDate = dateTimeText("A date and time such as 2024-05-01T10:30.").optional();

/** The History page's filters (search params) and the table tab's request: all optional, all checked. */
export const historyFilterSchema = z.object({
  table: z.union([z.enum(LOGGED), z.literal("")], { error: "Not a logged table." }).optional(),
  operation: z.union([z.enum(OPERATIONS), z.literal("")], { error: "Not an operation." }).optional(),
  from: optionalDate,
  to: optionalDate,
  tableId: idValue.optional(),
  before: idValue.optional(),
});
export type HistoryFilterInput = z.input<typeof historyFilterSchema>;

export const restoreSchema = z.object({
  entryId: idValue,
  which: z.enum(["before", "after"], { error: "Restore either the version before or the one after." }),
});

/** Undo a deletion: the row (its table and id) whose deletion, with what went with it, comes back. */
export const undoDeletionSchema = z.object({
  table: z.enum(["mappings_table", "mappings_column", "mappings_relation", "mappings_api_endpoint"], { error: "Not a table whose rows can be brought back." }),
  id: idValue,
});
