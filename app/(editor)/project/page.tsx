import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ProjectForm } from "@/components/project-form/project-form";
import { getProject, projectToValues } from "@/lib/metadata/project";
import { requireReady } from "@/lib/metadata/require-ready";

export const metadata: Metadata = { title: "Project" };

export default async function ProjectPage() {
  await requireReady();
  const project = await getProject();
  if (!project) redirect("/setup");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Project</h1>
        <p className="text-sm text-zinc-600">
          The single row of <code>_metadata.project</code>: every column, JSON columns checked before they are saved.
        </p>
      </div>
      <ProjectForm
        initial={projectToValues(project)}
        readOnly={{
          id: project.id,
          created_at: project.created_at?.toISOString() ?? "—",
          updated_at: project.rowVersion,
        }}
      />
    </div>
  );
}
