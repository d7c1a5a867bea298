import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPlan } from "../lib/sync/apply";
import { runImport } from "../lib/sync/import";
import { loadSync } from "../lib/sync/sync";
import { freshDatabase, servers, type FreshDatabase } from "./helpers/db";
import { randomSchema, rng } from "./helpers/random-schema";
import { metadataOf } from "./helpers/sync";

// ≥ 200 models on PostgreSQL 18, a seeded subset on 15; models go in batches of schemas so each round trip
// (import, drift, plan, apply, import again) is a handful of statements for many models at once.
const MODELS: Record<string, number> = { pg18: 200, pg15: 25 };
const BATCH = 25;

describe.each(servers().map((s) => [s.name] as const))("round trip of random models on %s", (serverName) => {
  let source: FreshDatabase;
  let target: FreshDatabase;
  beforeAll(async () => {
    [source, target] = await Promise.all([freshDatabase({ init: true, server: serverName }), freshDatabase({ init: true, server: serverName })]);
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });

  const batches = Math.ceil(MODELS[serverName] / BATCH);
  it.each(Array.from({ length: batches }, (_, b) => [b]))(
    "batch %i: import → plan into an empty database → apply → import again gives the same metadata, no drift",
    async (batch) => {
      const r = rng(20261128 + batch * 7919 + (serverName === "pg15" ? 1 : 0));
      const models = Array.from({ length: BATCH }, (_, i) => randomSchema(r, `m${batch}_${i}`));
      const schemas = models.map((m) => m.schema);
      // Each batch has models named in mixed case ("T0Users"."c1Text") beside snake_case ones.
      expect(models.filter((m) => m.mixed).length).toBeGreaterThan(0);
      expect(models.filter((m) => m.mixed).length).toBeLessThan(BATCH);
      await source.client.query(models.map((m) => m.ddl).join("\n"));

      const imported = await runImport(source.client, schemas);
      expect(imported.problems).toEqual([]);
      expect(imported.skipped).toEqual([]);
      const before = await loadSync(source.client, { schemas });
      expect(before.canonical.problems).toEqual([]);
      expect(before.items).toEqual([]);

      const applied = await applyPlan(source.client, { target: target.client, schemas });
      expect(applied.remaining).toEqual([]);
      const across = await loadSync(source.client, { target: target.client, schemas });
      expect(across.canonical.problems).toEqual([]);
      expect(across.items).toEqual([]);

      await runImport(target.client, schemas);
      expect((await loadSync(target.client, { schemas })).items).toEqual([]);
      for (const m of models) {
        const [a, b] = [await metadataOf(source, m.schema), await metadataOf(target, m.schema)];
        expect(b, `${m.schema}\n${m.ddl}`).toEqual(a);
        expect(a.length).toBeGreaterThan(m.tables.length);
      }
    },
    120_000,
  );
});
