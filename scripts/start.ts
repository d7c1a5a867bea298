/**
 * `npm start` (and `npm run dev` with --dev): serves the editor at http://HOST:PORT/metadata-editor.
 * Reads .env; with no DATABASE_URL / DB_* set, starts the embedded PostgreSQL (data in .data/postgres,
 * or METADATA_EDITOR_DATA_DIR) and hands its URL to Next. Builds first when the build is missing or older
 * than the sources. Ctrl-C stops Next, then the embedded server, cleanly.
 */
import "dotenv/config";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { resolveConnection } from "../lib/db/config";
import { acquireEmbedded, embeddedDir, shownDir, startFailureLines } from "../lib/db/runtime";
import type { EmbeddedServer } from "../lib/db/embedded";
import { readDbLimits } from "../lib/db/limits";
import { launchToken } from "../lib/http/perimeter";

const dev = process.argv.includes("--dev");
const port = process.env.PORT || "20100";
// Loopback unless HOST says otherwise: the editor can change a database's schema.
const host = process.env.HOST || "127.0.0.1";
const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  // Everything the build reads: the message catalogs and next-intl's request config too (a change to messages/*.json
  // alone left the old words in a build that looked fresh), and the proxy.
  const sources = ["app", "components", "lib", "messages", "i18n", "proxy.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
  return sources.some((s) => newestMtime(s) > built);
}

const PG_HINT =
  "   Hint: something stopped it from outside (out of memory: see `dmesg`; a `kill`; a full disk). If it keeps " +
  "happening, METADATA_EDITOR_PG_LOG=1 npm start shows its log; or use a PostgreSQL server of your own: " +
  "DATABASE_URL=postgres://user:password@host:5432/database";

async function main() {
  let embedded: EmbeddedServer | null = null;
  let child: ChildProcess | null = null;
  let stopping = false;
  let exitCode: number | null = null;
  const stopEmbedded = async () => {
    if (embedded) {
      const server = embedded;
      embedded = null;
      await server.stop();
      console.log("🐘 embedded PostgreSQL stopped");
    }
  };
  // Ctrl-C reaches Next, PostgreSQL and this process at once: stop Next, then the database, then exit.
  const shutdown = (signal: NodeJS.Signals, code: number | null = null) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    if (child) child.kill(signal);
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));

  let connection;
  try {
    connection = resolveConnection();
    readDbLimits(); // a malformed DB_*_MS or DB_POOL_MAX is named now, not at the first page
  } catch (error) {
    console.error(`❌ ${(error as Error).message}`);
    process.exit(2);
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (connection.source === "none") {
    const dir = embeddedDir();
    console.log(`🐘 No DATABASE_URL or DB_* set: starting the embedded PostgreSQL (${shownDir(dir)})…`);
    const started = Date.now();
    let acquired;
    try {
      acquired = await acquireEmbedded(dir, {
        port: process.env.METADATA_EDITOR_PG_PORT ? Number(process.env.METADATA_EDITOR_PG_PORT) : undefined,
        log: process.env.METADATA_EDITOR_PG_LOG ? (l) => console.log(l) : undefined,
        supervise: {
          keepRunning: () => !stopping,
          onDied(how, lastLines) {
            console.error(`🐘 The embedded PostgreSQL stopped unexpectedly (${how}); restarting it…`);
            for (const line of lastLines.split("\n").filter(Boolean).slice(-5)) console.error(`   | ${line}`);
            console.error(PG_HINT);
          },
          onRestarted: (ms) => console.log(`🐘 embedded PostgreSQL is back (restarted in ${ms} ms); pages work again on their next request`),
          onGaveUp(reason) {
            console.error(`❌ The embedded PostgreSQL could not be kept running (${reason}); stopping the editor.`);
            console.error(PG_HINT);
            shutdown("SIGTERM", 1);
          },
        },
      });
    } catch (error) {
      // Ctrl-C while it was starting stopped it too: that is no failure to report.
      if (stopping) process.exit(130);
      for (const line of startFailureLines(error)) console.error(line);
      process.exit(1);
    }
    embedded = acquired.owned;
    console.log(
      acquired.owned
        ? `🐘 embedded PostgreSQL ready in ${Date.now() - started} ms`
        : "🐘 reusing the embedded PostgreSQL of an editor already running",
    );
    if (acquired.owned?.relocated) {
      console.log(`🐘 running as root: its data lives in ${acquired.owned.dataDir} (the postgres user cannot enter ${dir})`);
    }
    env.DATABASE_URL = acquired.url;
    env.METADATA_EDITOR_EMBEDDED = "1";
  } else {
    const d = connection.display;
    console.log(`🔗 ${connection.source}: ${d.user}@${d.host}:${d.port}/${d.database}`);
  }

  if (!stopping && !dev && (buildIsStale() || process.argv.includes("--build"))) {
    console.log("🔨 building the editor (next build)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
    if (build.status !== 0) {
      await stopEmbedded();
      process.exit(build.status ?? 1);
    }
  }
  if (stopping) {
    await stopEmbedded();
    process.exit(exitCode ?? 130);
  }

  // Off loopback the editor needs an access token (lib/http/perimeter.ts): ACCESS_TOKEN, or one made now.
  const access = launchToken({ ...env, HOST: host });
  if (access.token) env.ACCESS_TOKEN = access.token;
  const next = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", port, "-H", host], { stdio: "inherit", env });
  child = next;
  const tokenQuery = access.generated ? `?token=${access.token}` : "";
  console.log(`🚀 Metadata Editor: http://${host === "0.0.0.0" ? "localhost" : host}:${port}/metadata-editor${tokenQuery}`);
  if (access.generated) console.log("🔑 Access token generated for this run (set ACCESS_TOKEN to keep one); share the address above only with your team.");
  else if (access.token) console.log("🔑 Access token from ACCESS_TOKEN: open the editor once with ?token=<ACCESS_TOKEN>.");
  next.on("exit", async (code, signal) => {
    stopping = true;
    await stopEmbedded();
    process.exit(exitCode ?? code ?? (signal ? 0 : 1));
  });
}

main().catch((error) => {
  console.error(`❌ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
