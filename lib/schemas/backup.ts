import { z } from "zod";

/** The reset form: the project id typed to confirm (compared with the project row on the server). */
export const resetSchema = z.object({
  projectId: z.string().trim().min(1, "Type the project id to confirm."),
});
export type ResetValues = z.infer<typeof resetSchema>;

/** The restore request: the backup file (as the form sends it) and the preview's fingerprint. */
export const restoreRequestSchema = z.object({
  file: z.instanceof(Blob, { error: "Choose a backup file." }),
  digest: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "Preview the backup first.")
    .optional(),
});
