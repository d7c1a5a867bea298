import { z } from "zod";
import { text } from "./fields";
import { say } from "../i18n/messages";

/** The reset form: the project id typed to confirm (compared with the project row on the server). */
export const resetSchema = z.object({
  projectId: text(200).min(1, { error: () => say("server.typeProjectId") }),
});
export type ResetValues = z.infer<typeof resetSchema>;

const previewFirst = () => say("server.previewFirst");

/** The restore request: the backup file (as the form sends it) and the preview's fingerprint. */
export const restoreRequestSchema = z.object({
  file: z.instanceof(Blob, { error: () => say("server.chooseBackupFile") }),
  digest: z
    .string({ error: previewFirst })
    .max(64, { error: previewFirst, abort: true })
    .regex(/^[0-9a-f]{64}$/, { error: previewFirst })
    .optional(),
});
