/**
 * Items the Drift page sends at once; "Show more" fetches the next as many (a 5,000-table drift can have 100,000).
 * Its own module because the page's client list needs it too: importing it from drift.ts pulled that module's
 * imports (both message catalogs, 135 kB of script) into the Drift page's browser bundle.
 */
export const DRIFT_PAGE_SIZE = 100;
