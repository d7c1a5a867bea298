import { describe, expect, it } from "vitest";
import { withLocale } from "../lib/i18n/locale-scope";
import { parseBackup } from "../lib/metadata/backup-format";
import { addColumns } from "../lib/metadata/columns";
import { createEndpoint } from "../lib/metadata/endpoints";
import { createTable } from "../lib/metadata/tables";
import { createRelationWithWizard } from "../lib/metadata/relation-wizard";
import { relationWizardSchema } from "../lib/schemas/relation";
import { endpointDefaults, endpointSchema } from "../lib/schemas/endpoint";
import { enumOptionsValue, validationRulesValue } from "../lib/schemas/column";
import { restoreRequestSchema } from "../lib/schemas/backup";
import { newColumn, tableValues, thrown, useMetadataDb } from "./helpers/metadata";

const ctx = useMetadataDb();

const endpoint = (name: string) => endpointSchema.parse({ ...endpointDefaults, endpoint_name: name, base_url: "https://api.github.com" });

/**
 * Messages lib/ makes deep inside async work (in a transaction, after awaits) are said in the language of
 * the request that caused them: server actions run their work in withLocale (lib/actions/result.ts).
 */
describe("the request's language across awaits", () => {
  it("a duplicate endpoint name found by the database is refused in Korean inside a Korean request, in English outside", async () => {
    await createEndpoint(endpoint("gh"), ctx.pool);
    const ko = (await withLocale("ko", () => thrown(createEndpoint(endpoint("gh"), ctx.pool)))) as Error;
    expect(ko.message).toBe("이름이 gh인 엔드포인트가 이미 있습니다.");
    const en = (await thrown(createEndpoint(endpoint("gh"), ctx.pool))) as Error;
    expect(en.message).toBe("An endpoint named gh already exists.");
  });

  it("two requests at once keep their own language", async () => {
    await createEndpoint(endpoint("both"), ctx.pool).catch(() => undefined);
    const [ko, en] = await Promise.all([
      withLocale("ko", () => thrown(createEndpoint(endpoint("both"), ctx.pool))),
      withLocale("en", () => thrown(createEndpoint(endpoint("both"), ctx.pool))),
    ]);
    expect((ko as Error).message).toBe("이름이 both인 엔드포인트가 이미 있습니다.");
    expect((en as Error).message).toBe("An endpoint named both already exists.");
  });

  it("a pasted type PostgreSQL does not know, and a duplicate column, are said in Korean", async () => {
    const table = await createTable(tableValues("ko_things"), ctx.pool);
    const unknown = (await withLocale("ko", () =>
      thrown(addColumns(table.id, [newColumn("a", "NOTATYPE"), newColumn("b", "ALSONOT")], ctx.pool)),
    )) as Error;
    expect(unknown.message).toBe("추가되지 않았습니다: 타입 2개를 PostgreSQL이 모릅니다.");
    await addColumns(table.id, [newColumn("email", "TEXT")], ctx.pool);
    const duplicate = (await withLocale("ko", () => thrown(addColumns(table.id, [newColumn("email", "TEXT")], ctx.pool)))) as Error;
    expect(duplicate.message).toBe('테이블 ko_things에 이미 컬럼 "email"이(가) 있습니다.');
  });

  it("the relation wizard's refusals speak Korean: key types that differ, a foreign-key column that exists, a column that is not there", async () => {
    const users = await createTable(tableValues("ko_users"), ctx.pool);
    const posts = await createTable(tableValues("ko_posts"), ctx.pool);
    await addColumns(users.id, [newColumn("id", "BIGSERIAL", { is_primary_key: true })], ctx.pool);
    await addColumns(posts.id, [newColumn("id", "BIGSERIAL", { is_primary_key: true }), newColumn("title", "TEXT")], ctx.pool);
    const wizard = (values: Record<string, unknown>) =>
      relationWizardSchema.parse({
        from_table_id: posts.id, from_column: "title", to_table_id: users.id, to_column: "id", relation_type: "ManyToOne",
        graphql_field: "", is_cascade_delete: false, constraint_name: "", create_fk_column: false, fk_column_name: "",
        create_junction: false, junction_table: "", create_reverse: false, reverse_graphql_field: "", ...values,
      });
    const ko = async (values: Record<string, unknown>) => ((await withLocale("ko", () => thrown(createRelationWithWizard(wizard(values), ctx.pool)))) as Error).message;
    expect(await ko({})).toBe("ko_posts.title은(는) TEXT인데 ko_users.id은(는) BIGSERIAL입니다. 관계의 두 끝은 같은 타입(BIGINT)이어야 합니다.");
    expect(await ko({ from_column: "", create_fk_column: true, fk_column_name: "title" })).toBe(
      '테이블 ko_posts에 이미 컬럼 "title"이(가) 있습니다. 기존 컬럼을 쓰려면 “외래 키 컬럼 만들기”를 해제하거나 다른 이름을 고르세요.',
    );
    expect(await ko({ from_column: "", create_fk_column: true, fk_column_name: "user_id", to_column: "uid" })).toBe('ko_users에 컬럼 "uid"이(가) 없습니다.');
    // English outside a Korean request, as before.
    expect(((await thrown(createRelationWithWizard(wizard({}), ctx.pool))) as Error).message).toBe(
      "ko_posts.title is TEXT but ko_users.id is BIGSERIAL: the two ends of a relation need the same type (BIGINT).",
    );
  });

  it("zod's own messages (a wrong type or shape in a hand-made request, where a schema has no message of its own) follow the language", () => {
    const request = {
      from_table_id: 1, from_column: "", to_table_id: 2, to_column: "id", relation_type: "ManyToOne", graphql_field: "",
      is_cascade_delete: false, constraint_name: "", create_fk_column: "yes", fk_column_name: "user_id",
      create_junction: false, junction_table: "", create_reverse: false, reverse_graphql_field: "",
    };
    const message = (input: unknown) => relationWizardSchema.safeParse(input).error!.issues[0].message;
    withLocale("ko", () => {
      expect(message(request)).toBe("잘못된 입력: 예상 타입은 boolean, 받은 타입은 string입니다");
      expect(message([request])).toBe("잘못된 입력: 예상 타입은 object, 받은 타입은 array입니다");
      // A schema's own message still wins.
      expect(message({ ...request, create_fk_column: false, to_column: 5 })).toBe("텍스트를 입력해야 합니다.");
    });
    expect(message(request)).toBe("Invalid input: expected boolean, received string");
    expect(withLocale("en", () => message(request))).toBe("Invalid input: expected boolean, received string");
  });

  it("the backup form's and the backup file's refusals, the enum options' and validation rules' checks speak Korean", () => {
    withLocale("ko", () => {
      expect(parseBackup("")).toMatchObject({ ok: false, reason: "파일이 비어 있습니다." });
      expect(restoreRequestSchema.safeParse({ file: "x" }).error!.issues[0].message).toBe("백업 파일을 고르세요.");
      const twice = enumOptionsValue.safeParse([{ value: "A", label: "" }, { value: "A", label: "" }]);
      expect(twice.error!.issues[0].message).toBe('옵션 값 "A"이(가) 두 번 나옵니다.');
      expect(validationRulesValue.safeParse({ pattern: "(a+)+" }).error!.issues[0].message).toMatch(/^\(a\+\)\+처럼/);
      expect(validationRulesValue.safeParse({ minLength: -1 }).error!.issues[0].message).toBe("음수가 아니어야 합니다.");
    });
    expect(parseBackup("")).toMatchObject({ ok: false, reason: "The file is empty." });
  });
});
