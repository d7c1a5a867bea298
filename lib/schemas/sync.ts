import { z } from "zod";
import { identifierProblem } from "./identifier";
import { vmsg } from "../i18n/messages";

/** Requests of the Database pages (import, drift, plan): exact types, bounded sizes, nothing coerced. */
const schemaName = z.string().max(63).refine((s) => identifierProblem(s) === null, { error: () => vmsg("schemaName") });
export const importRequestSchema = z.strictObject({
  schemas: z.array(schemaName).min(1, { error: () => vmsg("chooseSchema") }).max(100, { error: () => vmsg("atMostSchemas", { max: 100 }) }),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

/** A drift item's id, as compareModels builds it: kind:table:column:name (names and keys only, no SQL). */
const itemId = z.string().min(1).max(2000);
export const resolveRequestSchema = z.strictObject({ itemId });
export const planRequestSchema = z.strictObject({ itemIds: z.array(itemId).max(20000) });
/** "Show more" on the Drift page: where the next page starts, and which list it continues. */
export const driftPageRequestSchema = z.strictObject({
  offset: z.number().int().min(0).max(10_000_000),
  digest: z.string().regex(/^[0-9a-f]{16}$/),
});
/** A plan selection kept in the browser's session storage (components/database/plan-selection.ts) under this key. */
export const selectionKeySchema = z.string().regex(/^[0-9a-f-]{36}$/, { error: () => vmsg("openPlanFromDrift") });
export const applyRequestSchema = z.strictObject({
  itemIds: z.array(itemId).max(20000),
  digest: z.string().regex(/^[0-9a-f]{16}$/, { error: () => vmsg("reviewPlanFirst") }),
  allowDestructive: z.boolean(),
});
export type ApplyRequest = z.infer<typeof applyRequestSchema>;
