/**
 * Random business schemas for the round-trip property test, written as DDL by hand here (not by lib/sync/ddl.ts,
 * so the test does not check the plan against itself): types with modifiers, serial / identity / composite keys,
 * enums, self-references, cascades, named checks, partial, unique and GIN indexes, Korean comments with quotes.
 * About a quarter of the schemas name everything in mixed case, quoted (as Prisma and Chinook do: "T0Users",
 * "c1Text", "Id", "parentId", enum "Mood"), so the round trip checks that case survives import, plan and apply.
 */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

interface ColumnSpec {
  name: string;
  type: string;
  kind: "int" | "text" | "json" | "bool" | "time" | "array" | "tsvector" | "enum" | "numeric" | "other";
  defaults: string[];
}

const TYPES: Omit<ColumnSpec, "name">[] = [
  { type: "integer", kind: "int", defaults: ["0", "42"] },
  { type: "bigint", kind: "int", defaults: ["1"] },
  { type: "smallint", kind: "int", defaults: ["7"] },
  { type: "text", kind: "text", defaults: ["'x'", "'한글 ''따옴표'''"] },
  { type: "varchar(40)", kind: "text", defaults: ["'ACTIVE'"] },
  { type: "varchar(255)", kind: "text", defaults: [] },
  { type: "char(3)", kind: "text", defaults: ["'abc'"] },
  { type: "numeric(12,2)", kind: "numeric", defaults: ["0", "9.5"] },
  { type: "numeric", kind: "numeric", defaults: [] },
  { type: "boolean", kind: "bool", defaults: ["true", "false"] },
  { type: "timestamptz", kind: "time", defaults: ["now()"] },
  { type: "timestamp(3)", kind: "time", defaults: ["CURRENT_TIMESTAMP"] },
  { type: "date", kind: "time", defaults: ["CURRENT_DATE"] },
  { type: "jsonb", kind: "json", defaults: ["'{}'::jsonb"] },
  { type: "uuid", kind: "other", defaults: ["gen_random_uuid()"] },
  { type: "text[]", kind: "array", defaults: ["'{}'"] },
  { type: "integer[]", kind: "array", defaults: [] },
  { type: "tsvector", kind: "tsvector", defaults: [] },
  { type: "double precision", kind: "other", defaults: ["1.5"] },
  { type: "bytea", kind: "other", defaults: [] },
  { type: "time(0) without time zone", kind: "other", defaults: [] },
];
const COMMENTS = ["고객 테이블", "주문의 '상태'", "설명: \"인용\" 포함", "가격 (원)", "O'Reilly 책", "백슬래시 \\ 포함"];

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

export interface RandomSchema {
  schema: string;
  ddl: string;
  tables: string[];
  /** Every name in mixed case, quoted. */
  mixed: boolean;
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/** One random schema `schema` with 1–4 tables. */
export function randomSchema(r: Rng, schema: string): RandomSchema {
  const mixed = r.chance(0.25);
  // A name as the schema spells it (snake_case, or camelCase / PascalCase), and as its DDL writes it.
  const spell = (snake: string) => (mixed ? snake.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase()) : snake);
  const q = (name: string) => (mixed ? `"${name}"` : name);
  const out: string[] = [`CREATE SCHEMA ${schema};`];
  const enumName = r.chance(0.5) ? (mixed ? "Mood" : "mood") : null;
  if (enumName) out.push(`CREATE TYPE ${schema}.${q(enumName)} AS ENUM ('happy', 'sad', '그럭저럭');`);
  const tables: { name: string; pk: { name: string; type: string } | null }[] = [];
  const count = r.int(1, 4);
  for (let t = 0; t < count; t++) {
    const word = r.pick(["users", "orders", "items", "notes"]);
    const name = mixed ? `T${t}${cap(word)}` : `t${t}_${word}`;
    const table = `${schema}.${q(name)}`;
    const id = spell(mixed ? "Id" : "id");
    const lines: string[] = [];
    const after: string[] = [];
    const columns: ColumnSpec[] = [];
    let pk: { name: string; type: string } | null = null;
    const keyStyle = r.pick(["serial", "bigserial", "identity", "composite", "none"] as const);
    if (keyStyle === "serial" || keyStyle === "bigserial") {
      lines.push(`${q(id)} ${keyStyle} PRIMARY KEY`);
      pk = { name: id, type: keyStyle === "serial" ? "integer" : "bigint" };
    } else if (keyStyle === "identity") {
      lines.push(`${q(id)} bigint GENERATED ${r.pick(["ALWAYS", "BY DEFAULT"])} AS IDENTITY PRIMARY KEY`);
      pk = { name: id, type: "bigint" };
    }
    const n = r.int(1, 6);
    for (let c = 0; c < n; c++) {
      const spec = enumName && r.chance(0.15) ? { type: `${schema}.${q(enumName)}`, kind: "enum" as const, defaults: ["'sad'"] } : r.pick(TYPES);
      const col: ColumnSpec = { name: spell(`c${c}_${spec.kind}`), ...spec };
      columns.push(col);
      let line = `${q(col.name)} ${col.type}`;
      if (r.chance(0.4)) line += " NOT NULL";
      if (col.defaults.length && r.chance(0.5)) line += ` DEFAULT ${r.pick(col.defaults)}`;
      if (r.chance(0.12) && ["int", "text", "numeric", "other"].includes(col.kind) && col.type !== "bytea") line += " UNIQUE";
      lines.push(line);
      if (r.chance(0.3)) after.push(`COMMENT ON COLUMN ${table}.${q(col.name)} IS ${lit(r.pick(COMMENTS))};`);
    }
    if (keyStyle === "composite") {
      const [a, b] = [q(spell("part_a")), q(spell("part_b"))];
      lines.push(`${a} integer NOT NULL`, `${b} varchar(20) NOT NULL`, `PRIMARY KEY (${a}, ${b})`);
    }
    const ints = columns.filter((c) => c.kind === "int" || c.kind === "numeric");
    if (ints.length && r.chance(0.5)) {
      const c = r.pick(ints);
      lines.push(`CONSTRAINT ${q(`${name}_${c.name}_positive`)} CHECK (${q(c.name)} >= 0)`);
    }
    const texts = columns.filter((c) => c.kind === "text");
    if (texts.length && r.chance(0.3)) {
      const c = r.pick(texts);
      lines.push(`CONSTRAINT ${q(`${name}_${c.name}_known`)} CHECK (${q(c.name)} IN ('ACTIVE', 'INACTIVE', '휴면'))`);
    }
    if (pk && r.chance(0.3)) {
      lines.push(`${q(spell("parent_id"))} ${pk.type} REFERENCES ${table} (${q(pk.name)})${r.chance(0.5) ? " ON DELETE CASCADE" : ""}`);
    }
    const targets = tables.filter((x) => x.pk);
    if (targets.length && r.chance(0.7)) {
      const target = r.pick(targets);
      lines.push(
        `${q(mixed ? `${target.name}Id` : `${target.name}_id`)} ${target.pk!.type}${r.chance(0.5) ? " NOT NULL" : ""} REFERENCES ${schema}.${q(target.name)} (${q(target.pk!.name)})${r.chance(0.5) ? " ON DELETE CASCADE" : ""}`,
      );
    }
    out.push(`CREATE TABLE ${table} (\n  ${lines.join(",\n  ")}\n);`);
    if (r.chance(0.5)) out.push(`COMMENT ON TABLE ${table} IS ${lit(r.pick(COMMENTS))};`);
    const gin = columns.filter((c) => c.kind === "json" || c.kind === "array" || c.kind === "tsvector");
    if (gin.length && r.chance(0.6)) out.push(`CREATE INDEX ON ${table} USING gin (${q(r.pick(gin).name)});`);
    const plain = columns.filter((c) => !["json", "array", "tsvector"].includes(c.kind) && c.type !== "bytea");
    if (plain.length && r.chance(0.5)) {
      const c = r.pick(plain);
      out.push(`CREATE INDEX ON ${table} (${q(c.name)}) WHERE ${q(c.name)} IS NOT NULL;`);
    }
    if (plain.length >= 2 && r.chance(0.4)) out.push(`CREATE UNIQUE INDEX ON ${table} (${q(plain[0].name)}, ${q(plain[1].name)});`);
    if (plain.length >= 1 && r.chance(0.4)) out.push(`CREATE INDEX ON ${table} (${q(plain[plain.length - 1].name)});`);
    if (plain.length >= 2 && r.chance(0.3)) out.push(`ALTER TABLE ${table} ADD CONSTRAINT ${q(`${name}_pair_key`)} UNIQUE (${q(plain[1].name)}, ${q(plain[0].name)});`);
    out.push(...after);
    tables.push({ name, pk });
  }
  return { schema, ddl: out.join("\n"), tables: tables.map((t) => t.name), mixed };
}
