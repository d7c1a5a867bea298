// intl-messageformat is the parser next-intl (use-intl) itself formats with.
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { COLUMN_FIELDS } from "../schemas/column";
import { ENDPOINT_FIELDS } from "../schemas/endpoint";
import { fieldLabel, type FieldRegistry } from "../schemas/registry";
import { RELATION_FIELDS } from "../schemas/relation";
import { TABLE_FIELDS, tableSchema, tableDefaults } from "../schemas/table";
import { projectIdentitySchema } from "../schemas/project";
import { relationWizardSchema } from "../schemas/relation";
import { columnSchema } from "../schemas/column";
import { historyFilterSchema, restoreSchema, undoDeletionSchema } from "../schemas/history";
import { indexesValue, tableConstraintsValue } from "../schemas/table";
import { applyRequestSchema, importRequestSchema, selectionKeySchema } from "../schemas/sync";
import { toUserError, uniqueViolation } from "../db/errors";
import { catalogs } from "./catalogs";
import { localeFromAcceptLanguage, pickLocale } from "./locale";
import { inLocale, translateLabel } from "./messages";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

const REGISTRIES: Record<string, FieldRegistry> = { table: TABLE_FIELDS, column: COLUMN_FIELDS, relation: RELATION_FIELDS, endpoint: ENDPOINT_FIELDS };
const HANGUL = /[\uac00-\ud7a3]/;

describe("message catalogs", () => {
  it("Korean has exactly English's keys, and no Korean message is left empty", () => {
    expect(keysOf(catalogs.ko).sort()).toEqual(keysOf(catalogs.en).sort());
    for (const key of keysOf(catalogs.ko)) {
      const text = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogs.ko);
      expect(typeof text === "string" && text.trim().length > 0, key).toBe(true);
    }
  });

  it("every message of both catalogs is valid ICU (a broken one would only fail when shown)", () => {
    for (const locale of ["en", "ko"] as const) {
      for (const key of keysOf(catalogs[locale])) {
        const text = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogs[locale]) as string;
        expect(() => new IntlMessageFormat(text, locale), `${locale} ${key}`).not.toThrow();
      }
    }
  });

  it("every field of every registry has its key, its English label in en.json and a Korean label", () => {
    for (const [entity, fields] of Object.entries(REGISTRIES)) {
      for (const [name, spec] of Object.entries(fields)) {
        expect(spec.key).toBe(`${entity}.${name}`);
        expect(fieldLabel(spec, "en")).toBe(spec.label);
        expect(fieldLabel(spec, "ko"), spec.key).toMatch(HANGUL);
      }
    }
  });

  it("schema messages come in the locale in force, English by default", () => {
    const values = { ...tableDefaults, table_name: "", label: "x".repeat(201) };
    // zod makes a message when the issue is read: read them inside the locale's scope.
    const messages = () => Object.fromEntries(tableSchema.safeParse(values).error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages()).toEqual({ table_name: "Table name is required.", label: "At most 200 characters." });
    expect(inLocale("ko", messages)).toEqual({ table_name: "테이블 이름은(는) 필수 항목입니다.", label: "최대 200자까지 입력할 수 있습니다." });
    expect(tableSchema.safeParse(values).error!.issues[0].message).toBe("Table name is required.");
  });

  it("the project form's checks speak the locale too", () => {
    const issues = () => projectIdentitySchema.safeParse({ project_id: "Not A Slug", project_name: "", description: "" }).error!.issues.map((i) => i.message);
    expect(issues()).toEqual(["A slug: lower-case letters and digits, words joined by - or _ (e.g. my-ecommerce).", "Project name is required."]);
    expect(inLocale("ko", issues)).toEqual(["슬러그: 소문자와 숫자, 단어는 - 또는 _로 연결합니다(예: my-ecommerce).", "프로젝트 이름은(는) 필수 항목입니다."]);
  });

  it("the relation wizard's and the column's own checks speak the locale too", () => {
    const wizard = { from_table_id: "1", to_table_id: "2", relation_type: "ManyToOne", from_column: "", to_column: "id", graphql_field: "", is_cascade_delete: false, constraint_name: "", create_fk_column: true, fk_column_name: "", create_junction: false, junction_table: "", create_reverse: false, reverse_graphql_field: "" };
    const messages = () => Object.fromEntries(relationWizardSchema.safeParse(wizard).error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(inLocale("ko", messages)).toEqual({ fk_column_name: "새 외래 키 컬럼의 이름을 입력하세요." });
    expect(inLocale("ko", () => relationWizardSchema.safeParse({ ...wizard, from_table_id: "" }).error!.issues[0].message)).toBe("관계가 시작하는 테이블을 고르세요.");
    expect(inLocale("ko", () => columnSchema.shape.pg_type.safeParse("VARCHR(").error!.issues[0].message)).toBe("VARCHAR(255), BIGINT, TIMESTAMPTZ 같은 PostgreSQL 타입.");
  });

  it("the Database pages' requests (import, plan selection, apply) speak the locale too", () => {
    const issues = () => [
      ...importRequestSchema.safeParse({ schemas: [] }).error!.issues,
      ...importRequestSchema.safeParse({ schemas: ["Bad Name"] }).error!.issues,
      ...selectionKeySchema.safeParse("x").error!.issues,
      ...applyRequestSchema.safeParse({ itemIds: [], digest: "", allowDestructive: false }).error!.issues,
    ].map((i) => i.message);
    expect(issues()).toEqual([
      "Choose at least one schema.",
      "A schema name: letters, digits and underscores, starting with a letter or underscore.",
      "Open the plan from the Drift page's Review plan button.",
      "Review the plan first.",
    ]);
    const korean = inLocale("ko", issues);
    expect(korean).toHaveLength(4);
    for (const message of korean) expect(message).toMatch(HANGUL);
  });

  it("the table's checks and indexes, and the History page's requests, speak the locale too", () => {
    const issues = () => [
      ...tableConstraintsValue.safeParse({ checks: [{ name: "Bad name", condition: " " }] }).error!.issues,
      ...indexesValue.safeParse([{ columns: [], type: "FAST", name: "Bad-name", where: "" }]).error!.issues,
      ...historyFilterSchema.safeParse({ table: "pg_class", operation: "TRUNCATE", from: "yesterday" }).error!.issues,
      ...restoreSchema.safeParse({ entryId: "1", which: "middle" }).error!.issues,
      ...undoDeletionSchema.safeParse({ table: "project", id: "1" }).error!.issues,
    ].map((i) => i.message);
    const english = issues();
    expect(english).toHaveLength(11);
    expect(english).toContain("Index type is one of BTREE, UNIQUE, GIN, GIST, HASH, BRIN.");
    const korean = inLocale("ko", issues);
    expect(korean).toHaveLength(11);
    for (const message of korean) expect(message).toMatch(HANGUL);
  });

  it("database errors are said in the locale in force (server actions map them in the request's)", () => {
    expect(toUserError({ code: "23503" }).message).toBe("This refers to a row that does not exist, or the row is still referenced.");
    expect(inLocale("ko", () => toUserError({ code: "23503" }).message)).toBe("존재하지 않는 행을 가리키거나, 행이 아직 참조되고 있습니다.");
    expect(inLocale("ko", () => toUserError({ code: "23502", column: "label" }).message)).toBe("필수 값이 없습니다 (label).");
    const duplicate = { code: "23505", constraint: "mappings_api_endpoint_endpoint_name_key" };
    expect(inLocale("ko", () => uniqueViolation(duplicate, { endpoint_name: "gh" })?.message)).toBe("이름이 gh인 엔드포인트가 이미 있습니다.");
  });

  it("translates English labels named in messages, and leaves unknown ones", () => {
    expect(translateLabel("Table name", "ko")).toBe("테이블 이름");
    expect(translateLabel("Project id", "ko")).toBe("프로젝트 ID");
    expect(translateLabel("Something else", "ko")).toBe("Something else");
  });
});

describe("locale choice", () => {
  it("takes the cookie first, then Accept-Language by preference, then English", () => {
    expect(pickLocale("ko", "en-US")).toBe("ko");
    expect(pickLocale("fr", "ko-KR,ko;q=0.9,en;q=0.8")).toBe("ko");
    expect(pickLocale(undefined, "fr-FR,en;q=0.5,ko;q=0.7")).toBe("ko");
    expect(pickLocale(undefined, "en-US,en;q=0.9")).toBe("en");
    expect(pickLocale(undefined, "de,fr")).toBe("en");
    expect(pickLocale(undefined, null)).toBe("en");
    expect(localeFromAcceptLanguage("ko;q=0,en")).toBe("en");
  });
});
