/**
 * How much one batch cell edit (a paste, a fill down, an undo) may carry; client-safe, so the grid can say so
 * before it sends. The byte limit is what the proxy lets through (lib/actions/body-limit.ts): 5,000 cells of
 * about 400 bytes each, far more than a pasted range of names, types and labels needs, while a hostile body of
 * 100,000 cells is refused by its size before it is read.
 */
export const MAX_CELL_EDITS = 5000;
export const CELL_EDITS_BODY_LIMIT = 2 * 1024 * 1024;
