import { z } from "zod";
import { dateTimeText, idValue } from "./fields";
import { vmsg } from "../i18n/messages";

const LOGGED = ["project", "mappings_table", "mappings_column", "mappings_relation", "mappings_api_endpoint"] as const;
const OPERATIONS = ["INSERT", "UPDATE", "DELETE"] as const;

const optionalDate = dateTimeText(() => vmsg("dateTime")).optional();

/** The History page's filters (search params) and the table tab's request: all optional, all checked. */
export const historyFilterSchema = z.object({
  table: z.union([z.enum(LOGGED), z.literal("")], { error: () => vmsg("notLoggedTable") }).optional(),
  operation: z.union([z.enum(OPERATIONS), z.literal("")], { error: () => vmsg("notOperation") }).optional(),
  from: optionalDate,
  to: optionalDate,
  tableId: idValue.optional(),
  before: idValue.optional(),
});
export type HistoryFilterInput = z.input<typeof historyFilterSchema>;

export const restoreSchema = z.object({
  entryId: idValue,
  which: z.enum(["before", "after"], { error: () => vmsg("restoreWhich") }),
});

/** Undo a deletion: the row (its table and id) whose deletion, with what went with it, comes back. */
export const undoDeletionSchema = z.object({
  table: z.enum(["mappings_table", "mappings_column", "mappings_relation", "mappings_api_endpoint"], { error: () => vmsg("notRestorableTable") }),
  id: idValue,
});
