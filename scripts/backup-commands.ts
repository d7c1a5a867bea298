/**
 * `npm run metadata:backup | restore | reset`, in the terminal's language (scripts/metadata.ts runs every command
 * in inCliLocale; the lines are cli.* in the catalogs, the refusals lib/metadata makes are said in it too).
 */
import { readFileSync, writeFileSync } from "node:fs";
import type pg from "pg";
import { cliLine as line } from "../lib/i18n/cli-locale";
import { catalogMessage, say } from "../lib/i18n/messages";
import { exportMetadata, parseBackup, previewRestore, restoreMetadata, serializeBackup, type RestorePreview } from "../lib/metadata/backup";
import { describeReset, resetMetadata } from "../lib/metadata/reset";

type Out = (line?: string) => void;

const option = (args: string[], name: string) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};

function printPreview(preview: RestorePreview, out: Out) {
  const { source, exportedAt, rows } = preview.backup;
  out(line("backupOf", { database: source.database, version: source.serverVersion, at: exportedAt, rows }));
  for (const t of preview.tables) {
    out(`   ${t.table.padEnd(22)} ${line("restoreCounts", { added: t.added, changed: t.changed, removed: t.removed, unchanged: t.unchanged })}`);
    for (const kind of ["added", "changed", "removed"] as const) {
      const label = say(`cli.sampleKinds.${kind}`).padEnd(8);
      for (const r of t.samples[kind]) out(`      ${label} #${r.id} ${r.label}${r.fields ? ` (${r.fields.join(", ")})` : ""}`);
      if (t[kind] > t.samples[kind].length) out(`      ${label} ${line("more", { count: t[kind] - t.samples[kind].length })}`);
    }
  }
  const { added, changed, removed, unchanged } = preview.totals;
  out(line("restoreTotal", { added, changed, removed, unchanged }));
}

export const backupCommands = {
  async backup(client: pg.Client, args: string[], out: Out) {
    const file = option(args, "--out");
    const text = serializeBackup(await exportMetadata(client));
    if (!file) {
      process.stdout.write(text);
      return 0;
    }
    writeFileSync(file, text);
    out(line("backupWritten", { file, bytes: Buffer.byteLength(text) }));
    return 0;
  },

  async restore(client: pg.Client, args: string[], out: Out) {
    const file = args.find((a) => !a.startsWith("--"));
    if (!file) {
      out(line("usage", { usage: line("restoreUsage") }));
      return 2;
    }
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      // Node's own sentence is English: a known error code is said in the terminal's language.
      const reason = catalogMessage(`cli.fileErrors.${(error as NodeJS.ErrnoException).code}`, (error as Error).message);
      out(line("cannotRead", { file, reason }));
      return 1;
    }
    const parsed = parseBackup(text);
    if (!parsed.ok) {
      out(line("fileRefused", { file, reason: parsed.reason }));
      for (const problem of parsed.problems) out(`   - ${problem}`);
      out(say("tools.nothingChanged"));
      return 1;
    }
    const preview = await previewRestore(client, parsed.doc);
    printPreview(preview, out);
    if (args.includes("--dry-run")) {
      out(line("dryRun"));
      return 0;
    }
    const result = await restoreMetadata(client, parsed.doc, { expectedDigest: preview.digest });
    out(line("restored", { rows: Object.values(result.rows).reduce((n, c) => n + c, 0) }));
    return 0;
  },

  async reset(client: pg.Client, args: string[], out: Out) {
    const scope = await describeReset(client);
    if (!scope.exists) {
      out(line("resetNothing"));
      return 0;
    }
    const none = line("none");
    const what = [
      scope.projectId ? line("resetSchemaOf", { id: scope.projectId }) : line("resetSchema"),
      line("resetTables", { list: scope.tables.map((t) => say("cli.resetTableRows", { name: t.name, rows: t.rows })).join(", ") || none }),
      line("resetTypes", { list: scope.types.join(", ") || none }),
      line("resetFunctions", { list: scope.functions.join(", ") || none }),
    ].join("\n");
    if (!args.includes("--yes")) {
      out(line("resetWouldDrop", { what }));
      out(line("resetKeeps"));
      out(line("resetRefused"));
      return 1;
    }
    await resetMetadata(client);
    out(line("resetDropped", { what }));
    out(line("resetComplete"));
    return 0;
  },
};
