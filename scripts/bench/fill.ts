/**
 * The benchmark's data set, written straight into `_metadata` with pg: the init, the project row, 5,000 tables
 * × 20 columns, one `wide_table` with 2,000 columns, and 5,000 relations. Set-based SQL in one transaction.
 */
import type pg from "pg";
import { runInit } from "../../lib/metadata/init";

export const TABLES = 5000;
export const COLUMNS_PER_TABLE = 20;
export const WIDE_COLUMNS = 2000;
export const RELATIONS = 5000;
export const WIDE_TABLE = "wide_table";

// 50 entity names (with Korean labels) × 100 numbers = 5,000 distinct tables, e.g. customer_042 / 고객 42.
export const ENTITIES: [string, string][] = [
  ["customer", "고객"],
  ["order", "주문"],
  ["invoice", "청구서"],
  ["product", "상품"],
  ["category", "분류"],
  ["supplier", "공급사"],
  ["warehouse", "창고"],
  ["shipment", "배송"],
  ["payment", "결제"],
  ["refund", "환불"],
  ["employee", "직원"],
  ["department", "부서"],
  ["project", "프로젝트"],
  ["task", "작업"],
  ["comment", "댓글"],
  ["article", "게시글"],
  ["tag", "태그"],
  ["coupon", "쿠폰"],
  ["review", "리뷰"],
  ["cart", "장바구니"],
  ["address", "주소"],
  ["contract", "계약"],
  ["account", "계정"],
  ["ledger", "원장"],
  ["budget", "예산"],
  ["asset", "자산"],
  ["device", "장치"],
  ["sensor", "센서"],
  ["alert", "경보"],
  ["ticket", "티켓"],
  ["campaign", "캠페인"],
  ["lead", "리드"],
  ["meeting", "회의"],
  ["event", "행사"],
  ["venue", "장소"],
  ["course", "강좌"],
  ["lesson", "수업"],
  ["student", "학생"],
  ["teacher", "교사"],
  ["grade", "성적"],
  ["vehicle", "차량"],
  ["route", "경로"],
  ["driver", "운전자"],
  ["booking", "예약"],
  ["room", "객실"],
  ["policy", "정책"],
  ["claim", "청구"],
  ["document", "문서"],
  ["attachment", "첨부파일"],
  ["notification", "알림"],
];

const STATUS_OPTIONS = [
  { value: "ACTIVE", label: "활성" },
  { value: "INACTIVE", label: "비활성" },
  { value: "ARCHIVED", label: "보관" },
];
const PRIORITY_OPTIONS = [
  { value: "1", label: "높음" },
  { value: "2", label: "보통" },
  { value: "3", label: "낮음" },
];

export interface ColumnTemplate {
  name: string;
  pgType: string;
  field: string;
  gqlType: string;
  label: string;
  form: string;
  required?: boolean;
  pk?: boolean;
  unique?: boolean;
  indexed?: boolean;
  searchable?: boolean;
  enumOptions?: unknown;
  validation?: unknown;
  constraints?: unknown;
  placeholder?: string;
  help?: string;
  defaultValue?: string;
}

// The 20 columns of every table (and, repeated 100 times with a number, of wide_table).
export const COLUMN_TEMPLATES: ColumnTemplate[] = [
  {
    name: "id",
    pgType: "BIGSERIAL",
    field: "id",
    gqlType: "ID",
    label: "ID",
    form: "hidden",
    required: true,
    pk: true,
    indexed: true,
    constraints: { notNull: true },
  },
  {
    name: "name",
    pgType: "VARCHAR(200)",
    field: "name",
    gqlType: "String",
    label: "이름",
    form: "text",
    required: true,
    searchable: true,
    validation: { minLength: 1, maxLength: 200 },
    placeholder: "이름을 입력하세요",
  },
  {
    name: "code",
    pgType: "VARCHAR(50)",
    field: "code",
    gqlType: "String",
    label: "코드",
    form: "text",
    required: true,
    unique: true,
    indexed: true,
    validation: { pattern: "^[A-Z0-9_]+$", maxLength: 50 },
    help: "대문자, 숫자, _ 만",
  },
  {
    name: "status",
    pgType: "VARCHAR(20)",
    field: "status",
    gqlType: "String",
    label: "상태",
    form: "select",
    required: true,
    enumOptions: STATUS_OPTIONS,
    constraints: { notNull: true, default: "ACTIVE", check: "status IN ('ACTIVE', 'INACTIVE', 'ARCHIVED')" },
    defaultValue: "ACTIVE",
  },
  {
    name: "email",
    pgType: "VARCHAR(255)",
    field: "email",
    gqlType: "String",
    label: "이메일",
    form: "email",
    unique: true,
    validation: { email: true, maxLength: 255 },
    placeholder: "name@example.com",
  },
  {
    name: "phone",
    pgType: "VARCHAR(30)",
    field: "phone",
    gqlType: "String",
    label: "전화번호",
    form: "tel",
    validation: { pattern: "^[0-9+ -]+$", maxLength: 30 },
  },
  {
    name: "description",
    pgType: "TEXT",
    field: "description",
    gqlType: "String",
    label: "설명",
    form: "textarea",
    searchable: true,
  },
  {
    name: "amount",
    pgType: "NUMERIC(12,2)",
    field: "amount",
    gqlType: "Float",
    label: "금액",
    form: "number",
    validation: { min: 0 },
    defaultValue: "0",
  },
  {
    name: "quantity",
    pgType: "INTEGER",
    field: "quantity",
    gqlType: "Int",
    label: "수량",
    form: "number",
    validation: { min: 0, max: 100000 },
  },
  {
    name: "price",
    pgType: "NUMERIC(10,2)",
    field: "price",
    gqlType: "Float",
    label: "가격",
    form: "number",
    validation: { min: 0 },
  },
  {
    name: "is_active",
    pgType: "BOOLEAN",
    field: "isActive",
    gqlType: "Boolean",
    label: "활성 여부",
    form: "checkbox",
    defaultValue: "true",
  },
  {
    name: "priority",
    pgType: "SMALLINT",
    field: "priority",
    gqlType: "Int",
    label: "우선순위",
    form: "select",
    enumOptions: PRIORITY_OPTIONS,
  },
  { name: "metadata", pgType: "JSONB", field: "metadata", gqlType: "JSON", label: "메타데이터", form: "json" },
  { name: "ref_id", pgType: "BIGINT", field: "refId", gqlType: "ID", label: "참조 ID", form: "number", indexed: true },
  {
    name: "parent_id",
    pgType: "BIGINT",
    field: "parentId",
    gqlType: "ID",
    label: "상위 ID",
    form: "number",
    indexed: true,
  },
  { name: "owner_id", pgType: "BIGINT", field: "ownerId", gqlType: "ID", label: "소유자 ID", form: "number" },
  {
    name: "published_at",
    pgType: "TIMESTAMPTZ",
    field: "publishedAt",
    gqlType: "DateTime",
    label: "게시일",
    form: "datetime",
  },
  { name: "note", pgType: "TEXT", field: "note", gqlType: "String", label: "비고", form: "textarea" },
  {
    name: "created_at",
    pgType: "TIMESTAMPTZ",
    field: "createdAt",
    gqlType: "DateTime",
    label: "생성일",
    form: "datetime",
    defaultValue: "now()",
  },
  {
    name: "updated_at",
    pgType: "TIMESTAMPTZ",
    field: "updatedAt",
    gqlType: "DateTime",
    label: "수정일",
    form: "datetime",
  },
];

export interface FillResult {
  ms: number;
  wideTableId: number;
  /** A row of wide_table's columns near the top of its grid, whose label the edit benchmark changes. */
  editColumnId: number;
  editColumnName: string;
  /** The first row of the Tables grid (sorted by schema and name), whose label the Tables-grid edit changes. */
  editTableId: number;
  counts: { tables: number; columns: number; relations: number; wideColumns: number };
}

/** The benchmark's project row (the editor's pages need one). */
export async function insertProject(client: pg.Client) {
  await client.query(
    `INSERT INTO _metadata.project (id, project_id, project_name, description, root_path, status, tech_stack, database_config)
     VALUES (1, 'bench-shop', 'Bench Shop', 'Scale benchmark: 5,000 tables', '/workspace/bench-shop', 'DEVELOPMENT',
             '{"backend":"nestjs","frontend":"nextjs","database":"postgresql"}', '{"host":"127.0.0.1","database":"metadata_editor"}')`,
  );
}

/** Runs the init, then fills everything in one transaction. Expects an empty database. */
export async function fill(client: pg.Client): Promise<FillResult> {
  const started = performance.now();
  await runInit(client);
  await client.query("BEGIN");
  try {
    await insertProject(client);

    await client.query(
      `CREATE TEMP TABLE bench_entity (ord int PRIMARY KEY, name text, label text) ON COMMIT DROP;
       CREATE TEMP TABLE bench_col (
         ord int PRIMARY KEY, name text, pg_type text, field text, gql_type text, label text, form text,
         required bool, pk bool, uniq bool, indexed bool, searchable bool,
         enum_options jsonb, validation jsonb, constraints jsonb, placeholder text, help text, default_value text
       ) ON COMMIT DROP;`,
    );
    await client.query(
      `INSERT INTO bench_entity SELECT ord::int, e->>0, e->>1 FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a(e, ord)`,
      [JSON.stringify(ENTITIES)],
    );
    await client.query(
      `INSERT INTO bench_col
       SELECT ord::int, c->>'name', c->>'pgType', c->>'field', c->>'gqlType', c->>'label', c->>'form',
              COALESCE((c->>'required')::bool, false), COALESCE((c->>'pk')::bool, false), COALESCE((c->>'unique')::bool, false),
              COALESCE((c->>'indexed')::bool, false), COALESCE((c->>'searchable')::bool, false),
              c->'enumOptions', c->'validation', c->'constraints', c->>'placeholder', c->>'help', c->>'defaultValue'
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a(c, ord)`,
      [JSON.stringify(COLUMN_TEMPLATES)],
    );

    // 5,000 tables: customer_000 … notification_099, in name order after wide_table's neighbours.
    await client.query(
      `INSERT INTO _metadata.mappings_table
         (schema_name, table_name, graphql_type, label, description, primary_key, is_api_enabled, api_permissions, table_constraints, indexes)
       SELECT 'public', e.name || '_' || lpad(n::text, 3, '0'),
              replace(initcap(replace(e.name, '_', ' ')), ' ', '') || lpad(n::text, 3, '0'),
              e.label || ' ' || n,
              CASE WHEN i % 3 = 0 THEN NULL ELSE e.label || ' ' || n || ': ' || e.name || ' records of business unit ' || (i % 17) END,
              'id', i % 11 <> 0,
              CASE WHEN i % 2 = 0 THEN '{"read":"public","write":"authenticated","delete":"admin"}'::jsonb END,
              CASE WHEN i % 5 = 0 THEN '{"checks":[{"name":"check_status","condition":"status IN (''ACTIVE'', ''INACTIVE'', ''ARCHIVED'')"}]}'::jsonb END,
              CASE WHEN i % 4 = 0 THEN '[{"columns":["code"],"type":"UNIQUE"},{"columns":["created_at"],"type":"BTREE"}]'::jsonb END
         FROM generate_series(0, ${TABLES - 1}) AS i
         CROSS JOIN LATERAL (SELECT i % 50 + 1 AS ord, i / 50 AS n) k
         JOIN bench_entity e ON e.ord = k.ord`,
    );
    const wide = await client.query<{ id: string }>(
      `INSERT INTO _metadata.mappings_table (schema_name, table_name, graphql_type, label, description, primary_key, api_permissions)
       VALUES ('public', '${WIDE_TABLE}', 'WideTable', '넓은 테이블', 'A table with ${WIDE_COLUMNS} columns (benchmark)', 'id',
               '{"read":"public","write":"authenticated","delete":"admin"}')
       RETURNING id`,
    );
    const wideTableId = Number(wide.rows[0].id);

    const columnSelect = (pgColumn: string, field: string, label: string, sortOrder: string) =>
      `SELECT t.id, t.schema_name, t.table_name, ${pgColumn}, c.pg_type,
              CASE WHEN c.pk THEN '{"notNull":true}'::jsonb ELSE c.constraints END,
              ${field}, c.gql_type, ${label}, c.form, c.required, ${sortOrder}, c.default_value,
              c.enum_options, c.validation, c.placeholder, c.help, c.searchable, c.pk, c.uniq, c.indexed,
              CASE WHEN c.name = 'email' THEN 'admin' ELSE 'authenticated' END,
              CASE WHEN c.name IN ('metadata', 'note') THEN 'free-form' END`;
    const columnInsert = `INSERT INTO _metadata.mappings_column
        (table_id, schema_name, table_name, pg_column, pg_type, pg_constraints, graphql_field, graphql_type, label, form_type,
         is_required, sort_order, default_value, enum_options, validation_rules, placeholder, help_text, is_searchable,
         is_primary_key, is_unique, is_indexed, permission_write, comment)`;

    await client.query(
      `${columnInsert}
       ${columnSelect("c.name", "c.field", "c.label", "c.ord")}
         FROM _metadata.mappings_table t CROSS JOIN bench_col c
        WHERE t.table_name <> '${WIDE_TABLE}'`,
    );
    // wide_table: id, then name_0002 … updated_at_2000 (the 20 templates in turn, numbered).
    await client.query(
      `${columnInsert}
       ${columnSelect(
         "CASE WHEN g = 1 THEN 'id' ELSE c.name || '_' || lpad(g::text, 4, '0') END",
         "CASE WHEN g = 1 THEN 'id' ELSE c.field || lpad(g::text, 4, '0') END",
         "CASE WHEN g = 1 THEN 'ID' ELSE c.label || ' ' || g END",
         "g",
       )}
         FROM generate_series(1, ${WIDE_COLUMNS}) AS g
         JOIN bench_col c ON c.ord = (g - 1) % ${COLUMN_TEMPLATES.length} + 1
         CROSS JOIN _metadata.mappings_table t
        WHERE t.id = $1`,
      [wideTableId],
    );

    // Relations: table n → table (37n mod 5000) via ref_id / parent_id (never itself: 36n+1 ≡ 0 mod 5000 has no
    // solution), plus 10 outgoing from wide_table and 10 incoming to it; every row distinct under the UNIQUE key.
    const regular = RELATIONS - 20;
    await client.query(
      `WITH numbered AS (
         SELECT id, schema_name, table_name, row_number() OVER (ORDER BY id) - 1 AS n
           FROM _metadata.mappings_table WHERE table_name <> '${WIDE_TABLE}'
       ), pairs AS (
         SELECT f.id AS from_id, f.schema_name AS from_schema, f.table_name AS from_table,
                CASE WHEN f.n % 2 = 0 THEN 'ref_id' ELSE 'parent_id' END AS from_column,
                t.id AS to_id, t.schema_name AS to_schema, t.table_name AS to_table, f.n
           FROM numbered f JOIN numbered t ON t.n = (f.n * 37 + 1) % ${TABLES}
          WHERE f.n < ${regular}
         UNION ALL
         SELECT w.id, w.schema_name, w.table_name, 'ref_id_' || lpad((14 + 20 * k)::text, 4, '0'),
                t.id, t.schema_name, t.table_name, 100000 + k
           FROM generate_series(0, 9) AS k
           JOIN numbered t ON t.n = k * 11
           CROSS JOIN (SELECT * FROM _metadata.mappings_table WHERE id = $1) w
         UNION ALL
         SELECT f.id, f.schema_name, f.table_name, 'owner_id', w.id, w.schema_name, w.table_name, 200000 + f.n
           FROM numbered f CROSS JOIN (SELECT * FROM _metadata.mappings_table WHERE id = $1) w
          WHERE f.n < 10
       )
       INSERT INTO _metadata.mappings_relation
         (from_table_id, to_table_id, from_schema, from_table, from_column, to_schema, to_table, to_column,
          relation_type, graphql_field, is_cascade_delete, constraint_name)
       SELECT from_id, to_id, from_schema, from_table, from_column, to_schema, to_table, 'id',
              (CASE WHEN n % 10 = 0 THEN 'OneToOne' WHEN n % 10 = 1 THEN 'OneToMany' ELSE 'ManyToOne' END)::_metadata.relation_type_enum,
              lower(left(to_table, 1)) || substr(replace(initcap(to_table), '_', ''), 2),
              n % 3 = 0,
              'fk_' || from_table || '_' || from_column
         FROM pairs`,
      [wideTableId],
    );

    const edit = await client.query<{ id: string; pg_column: string }>(
      "SELECT id, pg_column FROM _metadata.mappings_column WHERE table_id = $1 AND sort_order = 3",
      [wideTableId],
    );
    const firstTable = await client.query<{ id: string }>(
      "SELECT id FROM _metadata.mappings_table ORDER BY schema_name, table_name LIMIT 1",
    );
    const counts = await client.query<{ tables: number; columns: number; relations: number; wide: number }>(
      `SELECT (SELECT count(*) FROM _metadata.mappings_table)::int AS tables,
              (SELECT count(*) FROM _metadata.mappings_column)::int AS columns,
              (SELECT count(*) FROM _metadata.mappings_relation)::int AS relations,
              (SELECT count(*) FROM _metadata.mappings_column WHERE table_id = $1)::int AS wide`,
      [wideTableId],
    );
    await client.query("COMMIT");
    await client.query("ANALYZE _metadata.mappings_table, _metadata.mappings_column, _metadata.mappings_relation");
    const c = counts.rows[0];
    return {
      ms: performance.now() - started,
      wideTableId,
      editColumnId: Number(edit.rows[0].id),
      editColumnName: edit.rows[0].pg_column,
      editTableId: Number(firstTable.rows[0].id),
      counts: { tables: c.tables, columns: c.columns, relations: c.relations, wideColumns: c.wide },
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
