/**
 * The CLI: `npm run metadata:<command>`, in the terminal's language (`--locale en|ko`, else LC_ALL/LC_MESSAGES/LANG).
 *   init      create the _metadata schema (idempotent, atomic), fill the project row from env, verify
 *   check     show the project row and the state of every expected object
 *   verify    the spec's verification checks, in a rolled-back transaction
 *   snapshot  (maintainers) rewrite sql/expected-catalog.json from a fresh init
 *   backup    every _metadata row as one JSON document, to stdout or `--out FILE`
 *   restore   FILE: show what would be added, changed and removed, then restore (`--dry-run`: only show)
 *   reset     drop the whole _metadata schema (the spec's appendix C); refuses without `--yes`
 *   import    business tables into the metadata (`--schema S`, `--dry-run`); diff, plan, apply: lib/sync/cli.ts
 *   generate  GraphQL schema, TypeScript, zod and forms into the output directory (`--out DIR`, `--watch`)
 * Connection: DATABASE_URL, or DB_HOST/DB_PORT/DB_USER/DB_PASSWORD/DB_NAME/DB_SSL, from env or .env;
 * with none, the editor's embedded PostgreSQL (.data/postgres).
 */
import "dotenv/config";
import { writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describeConnection, resolveConnection } from "../lib/db/config";
import { toUserError } from "../lib/db/errors";
import { acquireEmbedded, embeddedDir, shownDir, startFailureLines } from "../lib/db/runtime";
import { cliLine as line, inCliLocale, withoutLocaleArgs } from "../lib/i18n/cli-locale";
import { catalogMessage, say } from "../lib/i18n/messages";
import { BackupRefusedError } from "../lib/metadata/backup";
import { readCatalog } from "../lib/metadata/catalog";
import { compareCatalog } from "../lib/metadata/check";
import { InitError, runInit } from "../lib/metadata/init";
import { createProject, getProject, ProjectExistsError } from "../lib/metadata/project";
import { projectDefaults } from "../lib/metadata/project-defaults";
import { verifyMetadata } from "../lib/metadata/verify";
import { projectWizardSchema } from "../lib/schemas/project";
import { syncCommands } from "../lib/sync/cli";
import { backupCommands } from "./backup-commands";

type Command = (client: pg.Client, display: ReturnType<typeof resolveConnection>["display"]) => Promise<number>;

// Messages go to stdout, except while `backup` writes its document there: then they go to stderr.
let out = (line = "") => process.stdout.write(line + "\n");
const toStderr = (line = "") => process.stderr.write(line + "\n");
// Every command runs in the terminal's language (inCliLocale); the commands below read their arguments without
// `--locale`, the sync commands (which resolve it the same way for their tests) get them all.
const rawArgs = () => process.argv.slice(3);
const args = () => withoutLocaleArgs(rawArgs());
const option = (name: string) => {
  const at = args().indexOf(name);
  return at === -1 ? undefined : args()[at + 1];
};
const kindOf = (kind: string) => catalogMessage(`cli.objectKinds.${kind}`, kind);
const statusOf = (status: string) => catalogMessage(`pages.tools.status.${status}`, status);

const commands: Record<string, Command> = {
  async init(client, display) {
    out(line("initStarting"));
    out(line("connection"));
    out(line("host", { host: display.host }));
    out(line("port", { port: String(display.port) }));
    out(line("database", { database: display.database }));
    out(line("user", { user: display.user }));
    const stepLabel = (s: { key: string; label: string }) => catalogMessage(`setup.init.steps.${s.key}`, s.label);
    try {
      await runInit(client, {
        onStep: (s) => {
          if (s.key !== "lock") out(s.ok ? `📝 ${stepLabel(s)} (${s.ms} ms)` : `❌ ${stepLabel(s)}: ${s.error}`);
        },
      });
    } catch (error) {
      if (error instanceof InitError) {
        const failed = error.results.at(-1);
        out(`❌ ${failed ? line("initFailed", { step: stepLabel(failed), error: failed.error ?? "" }) : error.message}`);
        return 1;
      }
      throw error;
    }
    const version = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    const defaults = projectDefaults(process.env, display.database, version.rows[0].v.split(" ")[0]);
    const parsed = projectWizardSchema.safeParse(defaults);
    if (!parsed.success) {
      out(line("projectFromEnv"));
      for (const issue of parsed.error.issues) out(`   ${issue.path.join(".")}: ${issue.message}`);
      return 1;
    }
    try {
      await createProject(client, parsed.data, display);
      out(line("projectCreated", { id: parsed.data.project_id }));
    } catch (error) {
      if (!(error instanceof ProjectExistsError)) throw error;
      const existing = await getProject(client);
      out(line("projectKept", { id: String(existing?.project_id) }));
    }
    out(line("verifying"));
    const summary = compareCatalog(await readCatalog(client));
    for (const item of summary.items.filter((i) => i.status === "missing" || i.status === "different")) {
      out(`   ❌ ${kindOf(item.kind)} ${item.name}: ${statusOf(item.status)}`);
    }
    if (!summary.complete) {
      out(line("schemaMismatch", { missing: summary.missing, different: summary.different }));
      return 1;
    }
    out(line("objectsAsExpected", { count: summary.items.filter((i) => i.status === "present").length }));
    out(line("initComplete"));
    return 0;
  },

  async check(client, display) {
    out(`🔗 ${describeConnection(display)}`);
    const summary = compareCatalog(await readCatalog(client));
    if (summary.empty) {
      out(line("noSchema"));
      return 1;
    }
    const project = summary.items.some((i) => i.kind === "table" && i.name === "project" && i.status !== "missing")
      ? await getProject(client)
      : null;
    out("");
    out(line("projectHeading"));
    if (project) {
      for (const [key, value] of Object.entries(project)) {
        if (key === "rowVersion") continue;
        const shown = value instanceof Date ? value.toISOString() : typeof value === "object" && value !== null ? JSON.stringify(value) : String(value ?? "—");
        out(`   ${key.padEnd(22)} ${shown}`);
      }
    } else {
      out(line("noProject"));
    }
    out("");
    out(line("objectsHeading"));
    const icon = { present: "✅", missing: "❌", different: "⚠️ ", extra: "➕" } as const;
    for (const item of summary.items) {
      out(`   ${icon[item.status]} ${kindOf(item.kind).padEnd(10)} ${item.name} — ${statusOf(item.status)}`);
      if (item.status === "different") {
        out(line("expected", { value: String(item.expected) }));
        out(line("actual", { value: String(item.actual) }));
      }
    }
    out("");
    const counts = { count: summary.items.length, missing: summary.missing, different: summary.different, extra: summary.extra };
    out(`${summary.complete ? "✅" : "❌"} ${line("checkSummary", counts)}`);
    return summary.complete && project ? 0 : 1;
  },

  async verify(client) {
    const results = await verifyMetadata(client);
    for (const r of results) {
      out(`${r.ok ? "✅" : "❌"} ${catalogMessage(`tools.checks.${r.key}`, r.name)}`);
      if (!r.ok) out(`${line("expected", { value: r.expected })}\n${line("actual", { value: r.actual })}`);
    }
    const failed = results.filter((r) => !r.ok).length;
    out(failed ? line("verifyFailed", { failed, total: results.length }) : line("verifyPassed", { total: results.length }));
    return failed ? 1 : 0;
  },

  // `out` is read when called: backup moves it to stderr while it writes its document to stdout.
  backup: (client) => backupCommands.backup(client, args(), (l) => out(l)),
  restore: (client) => backupCommands.restore(client, args(), (l) => out(l)),
  reset: (client) => backupCommands.reset(client, args(), (l) => out(l)),

  import: (client) => syncCommands.import(client, rawArgs(), out),
  diff: (client) => syncCommands.diff(client, rawArgs(), out),
  plan: (client) => syncCommands.plan(client, rawArgs(), out),
  apply: (client) => syncCommands.apply(client, rawArgs(), out),
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
    out(line("usage", { usage: `tsx scripts/metadata.ts <${Object.keys(commands).join("|")}>` }));
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
      for (const failure of startFailureLines(error)) out(failure);
      return 1;
    }
    owned = embedded.owned;
    connection = resolveConnection({ DATABASE_URL: embedded.url, METADATA_EDITOR_EMBEDDED: "1" });
    out(line("embedded", { dir: shownDir(embeddedDir()) }));
  }
  const client = new pg.Client({ ...connection.config, connectionTimeoutMillis: 10_000, application_name: "metadata-cli" });
  try {
    await client.connect();
    return await command(client, connection.display);
  } catch (error) {
    if (error instanceof BackupRefusedError) {
      out(`❌ ${error.message}`);
      for (const problem of error.problems) out(`   - ${problem}`);
      out(say("tools.nothingChanged"));
      return 1;
    }
    out(`❌ ${toUserError(error, connection.display).message}`);
    return 1;
  } finally {
    await client.end().catch(() => {});
    await owned?.stop();
  }
}

// Exit once stdout has taken everything written: process.exit drops what a pipe has not read yet, so
// `metadata:generate | tee log` (or the bench's spawn) lost the end of the report, its summary and problems.
inCliLocale(rawArgs(), out, process.env, main).then((code) => process.stdout.write("", () => process.exit(code)));
