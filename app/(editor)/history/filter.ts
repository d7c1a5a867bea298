import type { HistoryFilter } from "@/lib/metadata/history";
import type { historyFilterSchema } from "@/lib/schemas/history";
import type { z } from "zod";

/** Validated filter input → the query's filter ("" means no filter; dates are read in the server's zone). */
export function toHistoryFilter(input: z.output<typeof historyFilterSchema>): HistoryFilter {
  return {
    table: input.table || undefined,
    operation: input.operation || undefined,
    from: input.from ? new Date(input.from).toISOString() : undefined,
    to: input.to ? new Date(input.to).toISOString() : undefined,
    tableId: input.tableId,
    before: input.before,
  };
}
