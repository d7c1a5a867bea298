import type { Messages } from "./catalogs";
import { cliLocale } from "./locale";
import { withLocale } from "./locale-scope";
import { say } from "./messages";

/**
 * The terminal's language for every `npm run metadata:*` command: `--locale ko` (or `--locale=ko`), else
 * LC_ALL / LC_MESSAGES / LANG (ko_KR.UTF-8 → ko), else English. The command's own lines (cli.* in the catalogs)
 * and the messages lib/ makes on the way (a refused backup, a zod check, a database error) are said in it.
 */
type Out = (line?: string) => void;

/**
 * A CLI line in the language in force (the command runs in inCliLocale). Numbers are printed as they are
 * (ICU would group them: "12,345 bytes"); a message that needs a number for its plural is said with say().
 */
export const cliLine = (key: Exclude<keyof Messages["cli"], "objectKinds" | "sampleKinds" | "fileErrors">, values?: Record<string, string | number>) =>
  say(`cli.${key}`, values && Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])));

/** Runs a command in the terminal's language; an unknown `--locale` value is refused (exit 2) before anything runs. */
export async function inCliLocale(
  args: string[],
  out: Out,
  env: Record<string, string | undefined>,
  run: () => Promise<number>,
): Promise<number> {
  const locale = cliLocale(args, env);
  if (!locale) {
    // Both languages: the one asked for is not known.
    out(`${say("cli.localeTakes")} / ${withLocale("ko", () => say("cli.localeTakes"))}`);
    return 2;
  }
  return withLocale(locale, run);
}

/** The command line without `--locale X` / `--locale=X`, for commands that read positional arguments. */
export function withoutLocaleArgs(args: string[]): string[] {
  return args.filter((a, i) => !(a === "--locale" || a.startsWith("--locale=") || (i > 0 && args[i - 1] === "--locale")));
}
