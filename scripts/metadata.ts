/**
 * The seed's CLI: `npm run metadata:<command>`.
 *   init      create the _metadata schema (idempotent, atomic), fill the project row from env, verify
 *   check     show the project row and the state of every expected object
 *   verify    the seed's verification checks, in a rolled-back transaction
 *   snapshot  (maintainers) rewrite sql/expected-catalog.json from a fresh init
 *   backup    every _metadata row as one JSON document, to stdout or `--out FILE`
 *   restore   FILE: show what would be added, changed and removed, then restore (`--dry-run`: only show)
 *   reset     drop the whole _metadata schema (the seed's appendix C); refuses without `--yes`
 *   import    business tables into the metadata (`--schema S`, `--dry-run`); diff, plan, apply: lib/sync/cli.ts
 *   generate  GraphQL schema, TypeScript, zod and forms into the output directory (`--out DIR`, `--watch`)
 * Connection: DATABASE_URL, or DB_HOST/DB_PORT/DB_USER/DB_PASSWORD/DB_NAME/DB_SSL, from env or .env;
 * with none, the editor's embedded PostgreSQL (.data/postgres).
 */
import "dotenv/config";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describeConnection, resolveConnection } from "../lib/db/config";
import { toUserError } from "../lib/db/errors";
import { acquireEmbedded, embeddedDir, shownDir, startFailureLines } from "../lib/db/runtime";
import {
  BackupRefusedError,
  exportMetadata,
  parseBackup,
  previewRestore,
  restoreMetadata,
  serializeBackup,
  type RestorePreview,
} from "../lib/metadata/backup";
import { readCatalog } from "../lib/metadata/catalog";
import { compareCatalog } from "../lib/metadata/check";
import { InitError, runInit } from "../lib/metadata/init";
import { createProject, getProject, ProjectExistsError } from "../lib/metadata/project";
import { projectDefaults } from "../lib/metadata/project-defaults";
import { describeReset, resetMetadata } from "../lib/metadata/reset";
import { verifyMetadata } from "../lib/metadata/verify";
import { projectWizardSchema } from "../lib/schemas/project";
import { syncCommands } from "../lib/sync/cli";

type Command = (client: pg.Client, display: ReturnType<typeof resolveConnection>["display"]) => Promise<number>;

// Messages go to stdout, except while `backup` writes its document there: then they go to stderr.
let out = (line = "") => process.stdout.write(line + "\n");
const toStderr = (line = "") => process.stderr.write(line + "\n");
const args = () => process.argv.slice(3);
const option = (name: string) => {
  const at = args().indexOf(name);
  return at === -1 ? undefined : args()[at + 1];
};

function printPreview(preview: RestorePreview) {
  const { source, exportedAt, rows } = preview.backup;
  out(`📦 Backup of ${source.database} (PostgreSQL ${source.serverVersion}), exported ${exportedAt}: ${rows} rows`);
  for (const t of preview.tables) {
    out(`   ${t.table.padEnd(22)} +${t.added} added, ~${t.changed} changed, -${t.removed} removed, ${t.unchanged} unchanged`);
    for (const kind of ["added", "changed", "removed"] as const) {
      for (const r of t.samples[kind]) out(`      ${kind.padEnd(8)} #${r.id} ${r.label}${r.fields ? ` (${r.fields.join(", ")})` : ""}`);
      if (t[kind] > t.samples[kind].length) out(`      ${kind.padEnd(8)} … and ${t[kind] - t.samples[kind].length} more`);
    }
  }
  const { added, changed, removed, unchanged } = preview.totals;
  out(`   total: ${added} added, ${changed} changed, ${removed} removed, ${unchanged} unchanged`);
}

const commands: Record<string, Command> = {
  async init(client, display) {
    out("📦 Metadata initialization starting...");
    out("🔗 Connection:");
    out(`   Host: ${display.host}`);
    out(`   Port: ${display.port}`);
    out(`   Database: ${display.database}`);
    out(`   User: ${display.user}`);
    try {
      await runInit(client, {
        onStep: (s) => {
          if (s.key !== "lock") out(s.ok ? `📝 ${s.label} (${s.ms} ms)` : `❌ ${s.label}: ${s.error}`);
        },
      });
    } catch (error) {
      if (error instanceof InitError) {
        out(`❌ ${error.message}`);
        return 1;
      }
      throw error;
    }
    const version = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    const defaults = projectDefaults(process.env, display.database, version.rows[0].v.split(" ")[0]);
    const parsed = projectWizardSchema.safeParse(defaults);
    if (!parsed.success) {
      out("❌ The project row could not be filled from the environment:");
      for (const issue of parsed.error.issues) out(`   ${issue.path.join(".")}: ${issue.message}`);
      return 1;
    }
    try {
      await createProject(client, parsed.data, display);
      out(`📝 Project row initialized (project_id: ${parsed.data.project_id})`);
    } catch (error) {
      if (!(error instanceof ProjectExistsError)) throw error;
      const existing = await getProject(client);
      out(`📝 Project row already present, kept as it is (project_id: ${existing?.project_id})`);
    }
    out("🔍 Verifying...");
    const summary = compareCatalog(await readCatalog(client));
    for (const item of summary.items.filter((i) => i.status === "missing" || i.status === "different")) {
      out(`   ❌ ${item.kind} ${item.name}: ${item.status}`);
    }
    if (!summary.complete) {
      out(`❌ The _metadata schema does not match the seed (${summary.missing} missing, ${summary.different} different).`);
      return 1;
    }
    out(`   ✅ ${summary.items.filter((i) => i.status === "present").length} objects as expected`);
    out("🎉 Metadata initialization complete!");
    return 0;
  },

  async check(client, display) {
    out(`🔗 ${describeConnection(display)}`);
    const summary = compareCatalog(await readCatalog(client));
    if (summary.empty) {
      out("❌ The _metadata schema is not there. Run `npm run metadata:init` or open the editor's setup.");
      return 1;
    }
    const project = summary.items.some((i) => i.kind === "table" && i.name === "project" && i.status !== "missing")
      ? await getProject(client)
      : null;
    out("");
    out("📋 Project");
    if (project) {
      for (const [key, value] of Object.entries(project)) {
        if (key === "rowVersion") continue;
        const shown = value instanceof Date ? value.toISOString() : typeof value === "object" && value !== null ? JSON.stringify(value) : String(value ?? "—");
        out(`   ${key.padEnd(22)} ${shown}`);
      }
    } else {
      out("   ❌ no project row (id = 1): finish the setup wizard or run `npm run metadata:init`");
    }
    out("");
    out("🔍 Objects");
    const icon = { present: "✅", missing: "❌", different: "⚠️ ", extra: "➕" } as const;
    for (const item of summary.items) {
      out(`   ${icon[item.status]} ${item.kind.padEnd(10)} ${item.name} — ${item.status}`);
      if (item.status === "different") {
        out(`        expected: ${item.expected}`);
        out(`        actual:   ${item.actual}`);
      }
    }
    out("");
    out(`${summary.complete ? "✅" : "❌"} ${summary.items.length} objects: ${summary.missing} missing, ${summary.different} different, ${summary.extra} extra`);
    return summary.complete && project ? 0 : 1;
  },

  async verify(client) {
    const results = await verifyMetadata(client);
    for (const r of results) {
      out(`${r.ok ? "✅" : "❌"} ${r.name}`);
      if (!r.ok) out(`     expected: ${r.expected}\n     actual:   ${r.actual}`);
    }
    const failed = results.filter((r) => !r.ok).length;
    out(failed ? `❌ ${failed} of ${results.length} checks failed` : `✅ all ${results.length} checks passed (nothing was kept)`);
    return failed ? 1 : 0;
  },

  async backup(client) {
    const file = option("--out");
    const text = serializeBackup(await exportMetadata(client));
    if (!file) {
      process.stdout.write(text);
      return 0;
    }
    writeFileSync(file, text);
    out(`✅ Backup written to ${file} (${Buffer.byteLength(text)} bytes)`);
    return 0;
  },

  async restore(client) {
    const file = args().find((a) => !a.startsWith("--"));
    if (!file) {
      out("usage: npm run metadata:restore -- FILE [--dry-run]");
      return 2;
    }
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      out(`❌ Cannot read ${file}: ${(error as Error).message}`);
      return 1;
    }
    const parsed = parseBackup(text);
    if (!parsed.ok) {
      out(`❌ ${file} was refused: ${parsed.reason}`);
      for (const problem of parsed.problems) out(`   - ${problem}`);
      out("Nothing was changed.");
      return 1;
    }
    const preview = await previewRestore(client, parsed.doc);
    printPreview(preview);
    if (args().includes("--dry-run")) {
      out("🔍 Dry run: nothing was changed.");
      return 0;
    }
    const result = await restoreMetadata(client, parsed.doc, { expectedDigest: preview.digest });
    const total = Object.values(result.rows).reduce((n, c) => n + c, 0);
    out(`✅ Restored ${total} rows; all previous metadata was replaced.`);
    return 0;
  },

  async reset(client) {
    const scope = await describeReset(client);
    if (!scope.exists) {
      out("Nothing to reset: there is no _metadata schema.");
      return 0;
    }
    const tables = scope.tables.map((t) => `${t.name} (${t.rows} ${t.rows === 1 ? "row" : "rows"})`).join(", ");
    const what = [
      `the _metadata schema${scope.projectId ? ` of project ${scope.projectId}` : ""}`,
      `   tables: ${tables || "none"}`,
      `   types: ${scope.types.join(", ") || "none"}`,
      `   functions: ${scope.functions.join(", ") || "none"}`,
    ];
    if (!args().includes("--yes")) {
      out(`⚠️  This would drop ${what.join("\n")}`);
      out("   (the extensions btree_gin and pg_trgm stay). Back up first: npm run metadata:backup -- --out FILE");
      out("❌ Refused: run `npm run metadata:reset -- --yes` to drop it.");
      return 1;
    }
    await resetMetadata(client);
    out(`🗑️  Dropped ${what.join("\n")}`);
    out("✅ Reset complete: run `npm run metadata:init` or open the editor's setup to start again.");
    return 0;
  },

  import: (client) => syncCommands.import(client, args(), out),
  diff: (client) => syncCommands.diff(client, args(), out),
  plan: (client) => syncCommands.plan(client, args(), out),
  apply: (client) => syncCommands.apply(client, args(), out),
  // Loaded on demand: the generators (graphql, prettier) would slow every other command's start.
  generate: async (client) => (await import("./generate")).generateCommand(client, args(), out),

  async snapshot(client) {
    const catalog = await readCatalog(client);
    if (!catalog.schema.exists) throw new Error("run init first");
    const file = path.join(process.cwd(), "sql", "expected-catalog.json");
    writeFileSync(file, JSON.stringify(catalog, null, 2) + "\n");
    out(`wrote ${file}`);
    return 0;
  },
};

async function main(): Promise<number> {
  const name = process.argv[2] ?? "";
  const command = commands[name];
  if (!command) {
    out(`usage: tsx scripts/metadata.ts <${Object.keys(commands).join("|")}>`);
    return 2;
  }
  if ((name === "backup" && option("--out") === undefined) || (name === "diff" && args().includes("--json"))) out = toStderr;
  let connection;
  try {
    connection = resolveConnection();
  } catch (error) {
    out(`❌ ${(error as Error).message}`);
    return 2;
  }
  let owned = null;
  if (connection.source === "none") {
    let embedded;
    try {
      embedded = await acquireEmbedded(embeddedDir());
    } catch (error) {
      for (const line of startFailureLines(error)) out(line);
      return 1;
    }
    owned = embedded.owned;
    connection = resolveConnection({ DATABASE_URL: embedded.url, METADATA_EDITOR_EMBEDDED: "1" });
    out(`ℹ️  No DATABASE_URL or DB_* set: using the embedded PostgreSQL in ${shownDir(embeddedDir())}`);
  }
  const client = new pg.Client({ ...connection.config, connectionTimeoutMillis: 10_000, application_name: "metadata-cli" });
  try {
    await client.connect();
    return await command(client, connection.display);
  } catch (error) {
    if (error instanceof BackupRefusedError) {
      out(`❌ ${error.message}`);
      for (const problem of error.problems) out(`   - ${problem}`);
      out("Nothing was changed.");
      return 1;
    }
    out(`❌ ${toUserError(error, connection.display).message}`);
    return 1;
  } finally {
    await client.end().catch(() => {});
    await owned?.stop();
  }
}

main().then((code) => process.exit(code));
