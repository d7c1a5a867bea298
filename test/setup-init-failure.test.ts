import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase, type FreshDatabase } from "./helpers/db";

// The wizard's initialization on a database where it cannot succeed: what reaches the browser is our sentence, never
// PostgreSQL's own text (that stays in the server log), and nothing is created.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined }),
  headers: async () => new Headers({ "accept-language": "en-US" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let db: FreshDatabase;

beforeAll(async () => {
  db = await freshDatabase({ init: false });
  vi.stubEnv("DATABASE_URL", db.url);
  // A half-made schema of someone else's: CREATE TABLE IF NOT EXISTS keeps this table, and the indexes then name
  // columns it does not have.
  await db.client.query("CREATE SCHEMA _metadata; CREATE TABLE _metadata.mappings_table (x int)");
});

afterAll(async () => {
  const { getPool } = await import("../lib/db/pool");
  await getPool().end();
  vi.unstubAllEnvs();
  await db?.drop();
});

describe("initializeAction when the init fails", () => {
  it("names the step and says nothing was changed, without PostgreSQL's text; the half-made schema stays as it was", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const { initializeAction } = await import("../app/setup/actions");
    const result = await initializeAction();
    expect(result.ok).toBe(true);
    if (!result.ok || !("error" in result.data)) throw new Error("expected a failed initialization");
    const failedStep = result.data.steps.find((s) => !s.ok)!;
    expect(failedStep).toBeDefined();
    const shown = JSON.stringify(result);
    expect(shown).toMatch(/Nothing was changed|nothing was changed/i);
    expect(shown).not.toMatch(/does not exist|column "|relation "/);
    // The server log has PostgreSQL's words.
    expect(logged.mock.calls.flat().join(" ")).toMatch(/does not exist/);
    logged.mockRestore();
    const { rows } = await db.client.query(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = '_metadata'",
    );
    expect(rows[0].n).toBe(1);
  });
});
