"use server";

import { revalidatePath } from "next/cache";
import { failed, invalid, type ActionResult, serverAction } from "@/lib/actions/result";
import { ConflictError } from "@/lib/metadata/conflict";
import { projectToValues, updateProject, type ProjectRow } from "@/lib/metadata/project";
import { projectSchema, type ProjectValues } from "@/lib/schemas/project";
import { say } from "@/lib/i18n/messages";

export type SaveProjectResult = ActionResult<ProjectValues> | { ok: false; formError: string; conflict: ProjectValues };

export const saveProjectAction = serverAction(async (input: unknown): Promise<SaveProjectResult> => {
  const parsed = projectSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const row = await updateProject(parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, data: projectToValues(row) };
  } catch (error) {
    if (error instanceof ConflictError) {
      const current = error.current as ProjectRow | null;
      if (!current) return { ok: false, formError: say("server.projectGone") };
      return { ok: false, formError: error.message, conflict: projectToValues(current) };
    }
    return failed(error);
  }
});
