import type pg from "pg";
import { applyPlan, ApplyFailedError, ApplyRefusedError, previewPlan } from "./apply";
import type { DriftItem } from "./drift";
import { previewImport, runImport, type ImportPreview } from "./import";
import { saveMigration, MigrationPathError } from "./migration";
import { defaultScope, loadSync } from "./sync";
import { cliLocale } from "../i18n/locale";
import { withLocale } from "../i18n/locale-scope";

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

export function printImportPreview(preview: ImportPreview, out: Out) {
  out(`📥 Import of ${preview.schemas.join(", ")}`);
  for (const kind of ["table", "column", "relation"] as const) {
    const c = preview.counts[kind];
    out(`   ${(kind + "s").padEnd(10)} +${c.add} to add, ~${c.update} to update, ${c.unchanged} unchanged`);
  }
  const changes = preview.entries.filter((e) => e.action !== "unchanged");
  for (const e of changes.slice(0, 50)) out(`   ${e.action === "add" ? "+" : "~"} ${e.kind} ${e.name}${e.fields.length ? ` (${e.fields.join(", ")})` : ""}`);
  if (changes.length > 50) out(`   … and ${changes.length - 50} more`);
  for (const s of preview.skipped) out(`   ⏭️  skipped ${s.kind} ${s.name}: ${s.reason}`);
  for (const n of preview.notes) out(`   ℹ️  ${n}`);
  for (const p of preview.problems) out(`   ❌ ${p}`);
}

const describeItem = (i: DriftItem) =>
  `${i.kind.padEnd(12)} ${i.table}${i.column ? `.${i.column}` : ""}${i.kind === "check" || i.kind === "enum" ? ` ${i.name}` : ""}: metadata ${i.metadata ?? "(none)"} · database ${i.database ?? "(none)"}`;

async function importIn(client: pg.ClientBase, args: string[], out: Out): Promise<number> {
  const schemas = await scope(client, args);
  if (args.includes("--dry-run")) {
    const preview = await previewImport(client, schemas);
    printImportPreview(preview, out);
    out("🔍 Dry run: nothing was changed.");
    return preview.problems.length ? 1 : 0;
  }
  const result = await runImport(client, schemas);
  printImportPreview(result, out);
  const c = result.counts;
  out(`✅ Imported: ${c.table.add} tables, ${c.column.add} columns, ${c.relation.add} relations added; ${c.table.update + c.column.update + c.relation.update} rows refreshed.`);
  return result.problems.length ? 1 : 0;
}

export const syncCommands = {
  /** New rows get their labels in the terminal's language (`--locale ko`, or LANG=ko_KR…), as the Import page's. */
  async import(client: pg.ClientBase, args: string[], out: Out, env: Record<string, string | undefined> = process.env): Promise<number> {
    const locale = cliLocale(args, env);
    if (!locale) {
      out("❌ --locale takes en or ko.");
      return 2;
    }
    return withLocale(locale, () => importIn(client, args, out));
  },

  async diff(client: pg.ClientBase, args: string[], out: Out): Promise<number> {
    const state = await loadSync(client, { schemas: values(args, "--schema").length ? values(args, "--schema") : undefined });
    const problems = state.canonical.problems;
    if (args.includes("--json")) {
      process.stdout.write(JSON.stringify({ schemas: state.schemas, items: state.items, problems, notComparable: state.notComparable }, null, 2) + "\n");
    } else {
      out(`🔍 Metadata against the database (${state.schemas.join(", ") || "no schemas"})`);
      for (const i of state.items) out(`   ≠ ${describeItem(i)}`);
      for (const p of problems) out(`   ❌ ${p.where}: ${p.message}`);
      for (const t of state.notComparable) out(`   ⏭️  ${t}: the database has it in a form the metadata cannot express (view, partitioned table, …)`);
      out(state.items.length || problems.length ? `❌ ${state.items.length} differences, ${problems.length} problems` : "✅ No drift: the database matches the metadata.");
    }
    return state.items.length || problems.length ? 1 : 0;
  },

  async plan(client: pg.ClientBase, args: string[], out: Out): Promise<number> {
    const preview = await previewPlan(client, { schemas: values(args, "--schema").length ? values(args, "--schema") : undefined });
    for (const p of preview.problems) out(`❌ ${p.where}: ${p.message}`);
    if (preview.statements.length === 0) {
      out("✅ Nothing to do: the database matches the metadata.");
      return preview.problems.length ? 1 : 0;
    }
    out("-- up");
    out(preview.up);
    out("-- down");
    out(preview.down);
    for (const s of preview.statements.filter((x) => x.destructive)) out(`⚠️  destructive (${s.danger}; ${s.rows ?? 0} rows): ${s.sql}`);
    for (const n of preview.notes) out(`ℹ️  ${n}`);
    if (args.includes("--save")) {
      try {
        const files = await saveMigration(client, preview);
        out(`💾 Saved ${files.up} and ${files.down}`);
      } catch (error) {
        if (!(error instanceof MigrationPathError)) throw error;
        out(`❌ ${error.message}`);
        return 1;
      }
    }
    out(`📋 ${preview.statements.length} statements, ${preview.destructive} destructive. Apply with: npm run metadata:apply -- --yes${preview.destructive ? " --allow-destructive" : ""}`);
    return preview.problems.length ? 1 : 0;
  },

  async apply(client: pg.ClientBase, args: string[], out: Out): Promise<number> {
    const schemas = values(args, "--schema").length ? values(args, "--schema") : undefined;
    if (!args.includes("--yes")) {
      await syncCommands.plan(client, args.filter((a) => a !== "--save"), out);
      out("❌ Refused: review the plan above, then run `npm run metadata:apply -- --yes` (and --allow-destructive for destructive statements).");
      return 1;
    }
    try {
      const result = await applyPlan(client, { schemas, allowDestructive: args.includes("--allow-destructive") });
      out(result.statements ? `✅ Applied ${result.statements} statements in one transaction.` : "✅ Nothing to do: the database matches the metadata.");
      if (result.remaining.length) {
        for (const i of result.remaining) out(`   ≠ ${describeItem(i)}`);
        out(`⚠️  ${result.remaining.length} differences remain (see the notes of metadata:plan).`);
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
  },
};
