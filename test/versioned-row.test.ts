import pg from "pg";
import { describe, expect, it } from "vitest";
import { ConflictError } from "../lib/metadata/conflict";
import { getRelation, updateRelation } from "../lib/metadata/relations";
import { getTable, updateTable } from "../lib/metadata/tables";
import { journey, thrown, useMetadataDb } from "./helpers/metadata";
import { servers } from "./helpers/db";

/** The row version (lib/metadata/versioned-row.ts) is one token, whatever session reads or checks it. */
describe.each(servers().map((s) => [s.name, s.version] as const))("on %s (%s)", (serverName) => {
  const ctx = useMetadataDb(serverName);

  describe("rowVersion", () => {
    it("a version read in one TimeZone is accepted by a session in another (two editor instances)", async () => {
      const seoul = new pg.Pool({ connectionString: ctx.db.url, max: 1, options: "-c TimeZone=Asia/Seoul" });
      const york = new pg.Pool({ connectionString: ctx.db.url, max: 1, options: "-c TimeZone=America/New_York" });
      try {
        const { users, author } = await journey(seoul);
        const table = (await getTable(users.id, seoul))!;
        expect(table.rowVersion).toMatch(/Z$/);
        expect((await updateTable(users.id, table.rowVersion, { label: "Members" }, york)).label).toBe("Members");
        const relation = (await getRelation(author.id, seoul))!;
        expect((await getRelation(author.id, york))!.rowVersion).toBe(relation.rowVersion);
        expect((await updateRelation(author.id, relation.rowVersion, { graphql_field: "writer" }, york)).graphql_field).toBe("writer");
      } finally {
        await Promise.all([seoul.end(), york.end()]);
      }
    });

    it("a malformed or stale token is a conflict with the current row, never a database error", async () => {
      const { users } = await journey(ctx.pool);
      for (const token of ["not a date", "x".repeat(100), users.rowVersion.replace(/Z$/, "+00")]) {
        const error = await thrown(updateTable(users.id, token, { label: "Mine" }, ctx.pool));
        expect(error, token).toBeInstanceOf(ConflictError);
        expect((error as ConflictError<{ label: string }>).current?.label).toBe(users.label);
      }
    });
  });
});
