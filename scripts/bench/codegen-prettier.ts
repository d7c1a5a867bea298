/**
 * Code generation with prettier on (the spec's default `generation_config`), in one process and without a
 * database: `projectFiles` over a model built in memory from the bench's own data (scripts/bench/fill.ts: the same
 * entities, the same 20 column templates, a relation per table), 5,000 tables unless a count is given.
 *
 *   npx tsx scripts/bench/codegen-prettier.ts [tables] [--off]
 *
 * Prints wall and CPU time of the generation (prettier loaded before the clock starts, as the watch keeps it), the
 * output's size, and how many sections prettier itself had to format (the rest the generators wrote in its
 * layout already). `--off` measures prettier off on the same model, for comparison.
 */
import { column, relation, table } from "../../lib/codegen/fixtures";
import { DEFAULT_GENERATION_CONFIG, type CodegenInput } from "../../lib/codegen/model";
import { formatStats, projectFiles } from "../../lib/codegen/project-files";
import { COLUMN_TEMPLATES, ENTITIES, TABLES } from "./fill";

export function syntheticModel(count: number): CodegenInput {
  const tables = Array.from({ length: count }, (_, i) => {
    const [name, label] = ENTITIES[i % ENTITIES.length];
    const n = Math.floor(i / ENTITIES.length);
    const num = String(n).padStart(3, "0");
    const typeName = name.replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase()) + num;
    const columns = COLUMN_TEMPLATES.map((c, k) =>
      column(c.name, c.pgType, {
        graphql_field: c.field,
        graphql_type: c.gqlType,
        label: c.label,
        form_type: c.form,
        is_required: c.required ?? false,
        is_primary_key: c.pk ?? false,
        sort_order: k + 1,
        default_value: c.defaultValue ?? null,
        enum_options: c.enumOptions ?? null,
        validation_rules: c.validation ?? null,
        pg_constraints: c.constraints ?? null,
        placeholder: c.placeholder ?? null,
        help_text: c.help ?? null,
        permission_write: c.name === "email" ? "admin" : "authenticated",
        comment: c.name === "metadata" || c.name === "note" ? "free-form" : null,
      }),
    );
    return table(i + 1, `${name}_${num}`, typeName, `${label} ${n}`, columns, {
      description: i % 3 === 0 ? null : `${label} ${n}: ${name} records of business unit ${i % 17}`,
      is_api_enabled: i % 11 !== 0,
      api_permissions: i % 2 === 0 ? { read: "public", write: "authenticated", delete: "admin" } : null,
    });
  });
  const relations = tables.map((t, n) => {
    const to = tables[(n * 37 + 1) % count];
    const kind = n % 10 === 0 ? "OneToOne" : n % 10 === 1 ? "OneToMany" : "ManyToOne";
    const field = to.table_name[0] + to.table_name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()).slice(1);
    return relation(n + 1, t.id, n % 2 === 0 ? "ref_id" : "parent_id", to.id, "id", kind, field);
  });
  return { config: { ...DEFAULT_GENERATION_CONFIG, prettier: true }, tables, relations };
}

async function main() {
  const count = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? TABLES);
  const prettier = !process.argv.includes("--off");
  const input = syntheticModel(count);
  await import("prettier");
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const before = { ...formatStats };
  const [started, cpuStarted] = [performance.now(), cpu()];
  const { files } = await projectFiles(input, { prettier });
  const [ms, cpuMs] = [performance.now() - started, cpu() - cpuStarted];
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
  const load = (await import("node:os")).loadavg()[0];
  console.log(
    JSON.stringify({
      tables: count,
      prettier,
      ms: Math.round(ms),
      cpuMs: Math.round(cpuMs),
      files: files.length,
      mb: +(bytes / 1e6).toFixed(1),
      vouched: formatStats.vouched - before.vouched,
      formatted: formatStats.formatted - before.formatted,
      rssMb: Math.round(process.memoryUsage().rss / 1e6),
      load1: +load.toFixed(2),
    }),
  );
}

if (process.argv[1]?.endsWith("codegen-prettier.ts")) await main();
