import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npx tsx scripts/metadata.ts <command> [args…]` (`command`: a string, or the command and its arguments) from
 * the repo root, with ONLY the given variables (plus what npx needs to run): nothing leaks from the test
 * process's env, and no .env file is read.
 */
export function runCli(command: string | string[], vars: Record<string, string>, timeoutMs = 60_000): Promise<CliResult> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    HOME: process.env.HOME ?? os.homedir(),
    LANG: "C.UTF-8",
    // dotenv/config would read the repo's .env, if a developer has one: point it at nothing.
    DOTENV_CONFIG_PATH: path.join(os.tmpdir(), "metadata-editor-test-no.env"),
    DOTENV_CONFIG_QUIET: "true",
    npm_config_update_notifier: "false",
    ...vars,
  };
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "scripts/metadata.ts", ...[command].flat()], { cwd: process.cwd(), env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`metadata ${command} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
