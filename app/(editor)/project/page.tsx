import { redirect } from "next/navigation";
import { ProjectForm } from "@/components/project-form/project-form";
import { getProject, projectToValues } from "@/lib/metadata/project";
import { requireReady } from "@/lib/metadata/require-ready";
import { PageHeader, pageMetadata } from "@/components/app-shell/page-header";

export const generateMetadata = () => pageMetadata("project");

export default async function ProjectPage() {
  await requireReady();
  const project = await getProject();
  if (!project) redirect("/setup");
  return (
    <div className="space-y-6">
      <PageHeader page="project" />
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
