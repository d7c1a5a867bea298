import type pg from "pg";
import { applyPlan, ApplyFailedError, ApplyRefusedError, previewPlan } from "./apply";
import type { DriftItem } from "./drift";
import { previewImport, runImport, type ImportPreview } from "./import";
import { saveMigration, MigrationPathError } from "./migration";
import { defaultScope, loadSync } from "./sync";
import { cliLine as line, inCliLocale } from "../i18n/cli-locale";
import type { Messages } from "../i18n/catalogs";
import { catalogMessage, say } from "../i18n/messages";

/**
 * `npm run metadata:import | diff | plan | apply`: the loop import → drift → plan → apply from a terminal.
 * scripts/metadata.ts only dispatches here.
 */
type Out = (line?: string) => void;

const values = (args: string[], name: string) => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]] : []));

async function scope(client: pg.ClientBase, args: string[]): Promise<string[]> {
  const given = values(args, "--schema");
  return given.length ? given : defaultScope(client).then((s) => (s.length ? s : ["public"]));
}

const kindOf = (kind: keyof Messages["database"]["import"]["entryKinds"]) => say(`database.import.entryKinds.${kind}`);

export function printImportPreview(preview: ImportPreview, out: Out) {
  out(line("importOf", { schemas: preview.schemas.join(", ") }));
  for (const kind of ["table", "column", "relation"] as const) {
    const c = preview.counts[kind];
    out(`   ${say(`database.import.kinds.${kind}`).padEnd(10)} ${line("counts", { add: String(c.add), update: String(c.update), unchanged: String(c.unchanged) })}`);
  }
  const changes = preview.entries.filter((e) => e.action !== "unchanged");
  for (const e of changes.slice(0, 50)) out(`   ${e.action === "add" ? "+" : "~"} ${kindOf(e.kind)} ${e.name}${e.fields.length ? ` (${e.fields.join(", ")})` : ""}`);
  if (changes.length > 50) out(`   ${line("more", { count: String(changes.length - 50) })}`);
  for (const s of preview.skipped) out(`   ⏭️  ${line("skipped", { kind: skipKind(s.kind), name: s.name, reason: s.reason })}`);
  for (const n of preview.notes) out(`   ℹ️  ${n}`);
  for (const p of preview.problems) out(`   ❌ ${p}`);
}

const skipKind = (kind: string) => catalogMessage(`database.import.skipKinds.${kind}`, kind);

const describeItem = (i: DriftItem) =>
  line("item", {
    kind: say(`database.drift.kinds.${i.kind}`).padEnd(12),
    object: `${i.table}${i.column ? `.${i.column}` : ""}${i.kind === "check" || i.kind === "enum" ? ` ${i.name}` : ""}`,
    metadata: i.metadata ?? line("none"),
    database: i.database ?? line("none"),
  });

async function importIn(client: pg.ClientBase, args: string[], out: Out): Promise<number> {
  const schemas = await scope(client, args);
  if (args.includes("--dry-run")) {
    const preview = await previewImport(client, schemas);
    printImportPreview(preview, out);
    out(line("dryRun"));
    return preview.problems.length ? 1 : 0;
  }
  const result = await runImport(client, schemas);
  printImportPreview(result, out);
  const c = result.counts;
  out(line("imported", { tables: String(c.table.add), columns: String(c.column.add), relations: String(c.relation.add), refreshed: String(c.table.update + c.column.update + c.relation.update) }));
  return result.problems.length ? 1 : 0;
}

export const syncCommands = {
  /** New rows get their labels in the terminal's language (`--locale ko`, or LANG=ko_KR…), as the Import page's. */
  async import(client: pg.ClientBase, args: string[], out: Out, env: Record<string, string | undefined> = process.env): Promise<number> {
    return inCliLocale(args, out, env, () => importIn(client, args, out));
  },

  diff: (client: pg.ClientBase, args: string[], out: Out, env: Record<string, string | undefined> = process.env) =>
    inCliLocale(args, out, env, () => diffIn(client, args, out)),
  plan: (client: pg.ClientBase, args: string[], out: Out, env: Record<string, string | undefined> = process.env) =>
    inCliLocale(args, out, env, () => planIn(client, args, out)),
  apply: (client: pg.ClientBase, args: string[], out: Out, env: Record<string, string | undefined> = process.env) =>
    inCliLocale(args, out, env, () => applyIn(client, args, out)),
};

async function diffIn(client: pg.ClientBase, args: string[], out: Out): Promise<number> {
  const state = await loadSync(client, { schemas: values(args, "--schema").length ? values(args, "--schema") : undefined });
  const problems = state.canonical.problems;
  if (args.includes("--json")) {
    process.stdout.write(JSON.stringify({ schemas: state.schemas, items: state.items, problems, notComparable: state.notComparable }, null, 2) + "\n");
  } else {
    out(line("diffOf", { schemas: state.schemas.join(", ") || line("noSchemas") }));
    for (const i of state.items) out(`   ≠ ${describeItem(i)}`);
    for (const p of problems) out(`   ❌ ${p.where}: ${p.message}`);
    for (const t of state.notComparable) out(`   ⏭️  ${line("notComparable", { table: t })}`);
    out(state.items.length || problems.length ? line("diffSummary", { items: String(state.items.length), problems: String(problems.length) }) : line("noDrift"));
  }
  return state.items.length || problems.length ? 1 : 0;
}

async function planIn(client: pg.ClientBase, args: string[], out: Out): Promise<number> {
  const preview = await previewPlan(client, { schemas: values(args, "--schema").length ? values(args, "--schema") : undefined });
  for (const p of preview.problems) out(`❌ ${p.where}: ${p.message}`);
  if (preview.statements.length === 0) {
    out(line("nothingToDo"));
    return preview.problems.length ? 1 : 0;
  }
  out("-- up");
  out(preview.up);
  out("-- down");
  out(preview.down);
  for (const s of preview.statements.filter((x) => x.destructive)) out(line("destructive", { danger: s.danger ?? "", rows: String(s.rows ?? 0), sql: s.sql }));
  for (const n of preview.notes) out(`ℹ️  ${n}`);
  if (args.includes("--save")) {
    try {
      const files = await saveMigration(client, preview);
      out(line("saved", { up: files.up, down: files.down }));
    } catch (error) {
      if (!(error instanceof MigrationPathError)) throw error;
      out(`❌ ${error.message}`);
      return 1;
    }
  }
  const command = `npm run metadata:apply -- --yes${preview.destructive ? " --allow-destructive" : ""}`;
  out(line("planSummary", { statements: String(preview.statements.length), destructive: String(preview.destructive), command }));
  return preview.problems.length ? 1 : 0;
}

async function applyIn(client: pg.ClientBase, args: string[], out: Out): Promise<number> {
  const schemas = values(args, "--schema").length ? values(args, "--schema") : undefined;
  if (!args.includes("--yes")) {
    await planIn(client, args.filter((a) => a !== "--save"), out);
    out(line("refused"));
    return 1;
  }
  try {
    const result = await applyPlan(client, { schemas, allowDestructive: args.includes("--allow-destructive") });
    out(result.statements ? line("applied", { statements: String(result.statements) }) : line("nothingToDo"));
    if (result.remaining.length) {
      for (const i of result.remaining) out(`   ≠ ${describeItem(i)}`);
      out(line("remain", { count: String(result.remaining.length) }));
    }
    return 0;
  } catch (error) {
    if (error instanceof ApplyRefusedError || error instanceof ApplyFailedError) {
      out(`❌ ${error.message}`);
      if (error instanceof ApplyRefusedError) for (const p of error.problems) out(`   ${p.where}: ${p.message}`);
      return 1;
    }
    throw error;
  }
}
