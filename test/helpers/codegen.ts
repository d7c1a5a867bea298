import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { GeneratedFile } from "../../lib/codegen/generate";

/**
 * A folder inside the repo (so imports of zod, react, react-hook-form resolve to the repo's node_modules) for
 * generated files; removed by cleanup(). test-results/ is git-ignored.
 */
export function outputDir() {
  const dir = path.join(process.cwd(), "test-results", `codegen-${process.pid}-${randomBytes(4).toString("hex")}`);
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    write(files: GeneratedFile[], under = "") {
      for (const f of files) {
        const file = path.join(dir, under, f.path);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, f.content);
      }
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `tsc --strict --noEmit` over every .ts/.tsx under dir; resolves with its output (empty when clean). */
export function typecheck(dir: string): Promise<{ code: number; output: string }> {
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: "ES2022",
        lib: ["dom", "ES2023"],
        module: "esnext",
        moduleResolution: "bundler",
        jsx: "react-jsx",
        noEmit: true,
        skipLibCheck: true,
        isolatedModules: true,
        types: [],
      },
      include: ["**/*.ts", "**/*.tsx"],
    }),
  );
  const tsc = path.join(process.cwd(), "node_modules", "typescript", "bin", "tsc");
  return new Promise((resolve) => {
    execFile(process.execPath, [tsc, "-p", dir], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr });
    });
  });
}
