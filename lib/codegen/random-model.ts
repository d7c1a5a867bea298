/** Seeded random metadata models for the generators' property test (and nothing else). */
import { column, relation, table } from "./fixtures";
import { DEFAULT_GENERATION_CONFIG, type CodegenInput, type ColumnInput } from "./model";

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)], chance: (p: number) => next() < p };
}

const TYPES = ["BIGSERIAL", "INTEGER", "SMALLINT", "BIGINT", "NUMERIC(10,2)", "REAL", "BOOLEAN", "VARCHAR(40)", "TEXT", "UUID", "DATE", "TIME", "TIMESTAMPTZ", "JSONB", "TEXT[]", "INTEGER[]"];
const WORDS = ["user", "post", "order", "item", "tag", "note", "status", "price", "title", "email", "created", "count", "name", "code", "kind", "class", "type", "data"];
const LABELS = ["이메일", "이름", "Title", "Price", "상태", "Count", "작성자 ID", "Notes */ here", 'Quote "x"'];

function randomColumn(r: ReturnType<typeof rng>, name: string, i: number): ColumnInput {
  const pgType = r.pick(TYPES);
  const c = column(name, pgType, { label: r.pick(LABELS), sort_order: r.int(20), is_required: r.chance(0.3), is_visible: r.chance(0.85) });
  if (r.chance(0.05)) c.graphql_field = r.pick(["bad-name", "__x", "9x", "email"]);
  if (r.chance(0.04)) c.graphql_type = r.pick(["Strng", "Int!", "[String]", "User"]);
  if (/VARCHAR|TEXT$/.test(pgType)) {
    if (r.chance(0.3)) c.validation_rules = { minLength: r.int(3), maxLength: 3 + r.int(30), ...(r.chance(0.3) ? { pattern: r.pick(["^[a-z]+$", "\\d", "([bad"]) } : {}), ...(r.chance(0.2) ? { email: true } : {}) };
    if (r.chance(0.2)) {
      c.enum_options = [{ value: "A_ONE", label: "하나" }, { value: r.pick(["B_TWO", "bad-value", "true"]), label: "둘" }];
      c.form_type = r.pick(["select", "radio"]);
    }
  }
  if (/INTEGER$|SMALLINT|NUMERIC|REAL/.test(pgType) && r.chance(0.4)) c.validation_rules = { min: -r.int(100), max: r.int(1000) };
  if (r.chance(0.05)) c.validation_rules = { maxLength: 5 };
  if (r.chance(0.15)) c.default_value = r.pick(["1", "true", "abc", "now()", '{"a":1}']);
  if (r.chance(0.05)) c.form_type = r.pick(["checkbox", "file", "widget", "textarea"]);
  if (r.chance(0.1)) c.graphql_resolver = "resolve" + i;
  if (r.chance(0.1)) c.is_graphql_input = false;
  if (r.chance(0.05)) c.is_graphql_output = false;
  if (r.chance(0.1)) c.help_text = "Help with a */ comment end and `backticks` and ${x}";
  return c;
}

/** A model of 1–5 tables, 1–8 columns each, and a few relations: mostly valid, sometimes not (on purpose). */
export function randomModel(seed: number): CodegenInput {
  const r = rng(seed);
  const count = 1 + r.int(5);
  const tables = Array.from({ length: count }, (_, t) => {
    const base = `${r.pick(WORDS)}_${r.pick(WORDS)}s`;
    const columns = [column("id", r.pick(["BIGSERIAL", "UUID", "INTEGER"]), { sort_order: 0 })];
    const used = new Set(["id"]);
    for (let i = 0; i < 1 + r.int(8); i++) {
      const name = `${r.pick(WORDS)}${r.chance(0.3) ? "_id" : ""}`;
      if (used.has(name)) continue;
      used.add(name);
      columns.push(randomColumn(r, name, i));
    }
    return table(seed * 100 + t, `${base}${t}`, r.chance(0.05) ? r.pick(["Query", "bad type", ""]) : "", r.pick(LABELS), columns, {
      is_api_enabled: r.chance(0.85),
      api_permissions: r.chance(0.3) ? { read: "public", write: "admin" } : null,
    });
  });
  const relations = Array.from({ length: r.int(4) }, (_, i) => {
    const from = r.pick(tables);
    const to = r.pick(tables);
    return relation(seed * 100 + i, from.id, r.pick(from.columns).pg_column, to.id, "id", r.pick(["OneToOne", "OneToMany", "ManyToOne", "ManyToMany"]), r.chance(0.5) ? null : r.pick(["owner", "items", "id", "bad-field"]));
  });
  return { config: { ...DEFAULT_GENERATION_CONFIG, includeComments: r.chance(0.7) }, tables, relations };
}
