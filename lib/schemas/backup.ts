import { z } from "zod";
import { text } from "./fields";

/** The reset form: the project id typed to confirm (compared with the project row on the server). */
export const resetSchema = z.object({
  projectId: text(200).min(1, "Type the project id to confirm."),
});
export type ResetValues = z.infer<typeof resetSchema>;

/** The restore request: the backup file (as the form sends it) and the preview's fingerprint. */
export const restoreRequestSchema = z.object({
  file: z.instanceof(Blob, { error: "Choose a backup file." }),
  digest: z
    .string({ error: "Preview the backup first." })
    .max(64, { error: "Preview the backup first.", abort: true })
    .regex(/^[0-9a-f]{64}$/, "Preview the backup first.")
    .optional(),
});
