import type { GeneratedFile } from "./generate";
import { PRINT_WIDTH } from "./text-width";

const PARSERS: Record<string, PrettierParser> = { graphql: "graphql", ts: "typescript", tsx: "typescript" };

export type PrettierParser = "graphql" | "typescript";

let prettier: Promise<typeof import("prettier")> | undefined;

/**
 * The generated code's one prettier call (the Code tab's files and what metadata:generate cannot vouch for):
 * printWidth 100. Prettier is loaded by the first call: it is large, and the editor's pages render unformatted
 * code as fast as they can.
 */
export async function prettierFormat(text: string, parser: PrettierParser): Promise<string> {
  return (await (prettier ??= import("prettier"))).format(text, { parser, printWidth: PRINT_WIDTH });
}

/** Prettier over the generated files when generation_config.prettier is on. */
export async function formatFiles(files: GeneratedFile[], enabled: boolean): Promise<GeneratedFile[]> {
  if (!enabled) return files;
  return Promise.all(
    files.map(async (f) => {
      const parser = PARSERS[f.path.split(".").pop() ?? ""];
      return parser ? { ...f, content: await prettierFormat(f.content, parser) } : f;
    }),
  );
}
