import type { GeneratedFile } from "./generate";
import { PRINT_WIDTH } from "./text-width";

const PARSERS: Record<string, string> = { graphql: "graphql", ts: "typescript", tsx: "typescript" };

/**
 * Prettier over the generated files when generation_config.prettier is on. Loaded only when asked for: it is
 * large, and the editor's pages render unformatted code as fast as they can.
 */
export async function formatFiles(files: GeneratedFile[], enabled: boolean): Promise<GeneratedFile[]> {
  if (!enabled) return files;
  const prettier = await import("prettier");
  return Promise.all(
    files.map(async (f) => {
      const parser = PARSERS[f.path.split(".").pop() ?? ""];
      return parser ? { ...f, content: await prettier.format(f.content, { parser, printWidth: PRINT_WIDTH }) } : f;
    }),
  );
}
