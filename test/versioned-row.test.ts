import pg from "pg";
import { describe, expect, it } from "vitest";
import { ConflictError } from "../lib/metadata/conflict";
import { getRelation, updateRelation } from "../lib/metadata/relations";
import { getTable, updateTable } from "../lib/metadata/tables";
import { getColumn, updateColumn } from "../lib/metadata/columns";
import { createEndpoint, getEndpoint, updateEndpoint } from "../lib/metadata/endpoints";
import { endpointDefaults, endpointSchema } from "../lib/schemas/endpoint";
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

    it("an update returns the row exactly as reading it again gives it (the UPDATE returns it in the read's shape)", async () => {
      const { users, userColumns } = await journey(ctx.pool);
      const endpoint = await createEndpoint(
        endpointSchema.parse({ ...endpointDefaults, endpoint_name: "github", base_url: "https://api.github.com" }),
        ctx.pool,
      );
      const table = await updateTable(users.id, users.rowVersion, { label: "회원", description: "people" }, ctx.pool);
      expect(table).toEqual(await getTable(users.id, ctx.pool));
      expect(table.label).toBe("회원");
      expect(table.rowVersion).not.toBe(users.rowVersion);
      // The returned version is the one the next edit carries: it must be accepted.
      expect((await updateTable(users.id, table.rowVersion, { label: "Members" }, ctx.pool)).label).toBe("Members");
      const email = userColumns[1];
      const column = await updateColumn(email.id, email.rowVersion, { label: "메일", is_required: false }, ctx.pool);
      expect(column).toEqual(await getColumn(email.id, ctx.pool));
      expect(column).toMatchObject({ label: "메일", is_required: false });
      const saved = await updateEndpoint(endpoint.id, endpoint.rowVersion, { description: "GitHub", timeout_ms: "5000" }, ctx.pool);
      expect(saved).toEqual(await getEndpoint(endpoint.id, ctx.pool));
      // A rename is read again after it was carried: the row as it is at the end of the transaction.
      const renamed = await updateColumn(column.id, column.rowVersion, { pg_column: "mail" }, ctx.pool);
      expect(renamed).toEqual(await getColumn(email.id, ctx.pool));
      expect(renamed.pg_column).toBe("mail");
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
