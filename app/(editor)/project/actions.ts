"use server";

import { revalidatePath } from "next/cache";
import { failed, invalid, type ActionResult } from "@/lib/actions/result";
import { getPool } from "@/lib/db/pool";
import { ProjectConflictError, projectToValues, updateProject } from "@/lib/metadata/project";
import { projectSchema, type ProjectValues } from "@/lib/schemas/project";

export type SaveProjectResult = ActionResult<ProjectValues> | { ok: false; formError: string; conflict: ProjectValues };

export async function saveProjectAction(input: unknown): Promise<SaveProjectResult> {
  const parsed = projectSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const row = await updateProject(getPool(), parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, data: projectToValues(row) };
  } catch (error) {
    if (error instanceof ProjectConflictError) {
      if (!error.current) return { ok: false, formError: error.message };
      return { ok: false, formError: error.message, conflict: projectToValues(error.current) };
    }
    return failed(error);
  }
}
