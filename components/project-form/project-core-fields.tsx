"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Checkbox, Field, Input, Select, Textarea } from "@/components/ui/field";
import { PACKAGE_MANAGERS, PROJECT_STATUSES, PROJECT_TEMPLATES } from "@/lib/schemas/enums";
import type { ProjectWizardValues } from "@/lib/schemas/project";

/** The fields the wizard and the Project page share (both schemas have them under the same names). */
export type CoreValues = Omit<
  ProjectWizardValues,
  "tech_stack" | "generation_output_dir" | "generation_include_comments" | "generation_prettier"
>;

export function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <fieldset className="rounded-lg border border-zinc-200 bg-white p-5">
      <legend className="px-1 text-sm font-semibold text-zinc-900">{title}</legend>
      {description && <p className="mb-4 text-xs text-zinc-500">{description}</p>}
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

export function ProjectCoreFields({
  register,
  errors,
}: {
  register: UseFormRegister<CoreValues>;
  errors: FieldErrors<CoreValues>;
}) {
  const e = (name: keyof CoreValues) => errors[name]?.message as string | undefined;
  return (
    <>
      <Section title="Identity">
        <Field label="Project id" required error={e("project_id")} hint="A slug, e.g. my-ecommerce">
          {(p) => <Input {...p} {...register("project_id")} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field label="Project name" required error={e("project_name")}>
          {(p) => <Input {...p} {...register("project_name")} />}
        </Field>
        <Field label="Description" error={e("description")} className="sm:col-span-2">
          {(p) => <Textarea {...p} rows={3} {...register("description")} />}
        </Field>
      </Section>
      <Section title="Paths" description="The root is absolute; the others are relative to it.">
        <Field
          label="Root path"
          required
          error={e("root_path")}
          hint="e.g. /workspace/my-ecommerce"
          className="sm:col-span-2"
        >
          {(p) => <Input {...p} {...register("root_path")} spellCheck={false} />}
        </Field>
        <Field label="Backend path" error={e("backend_path")}>
          {(p) => <Input {...p} {...register("backend_path")} placeholder="./backend" spellCheck={false} />}
        </Field>
        <Field label="Frontend path" error={e("frontend_path")}>
          {(p) => <Input {...p} {...register("frontend_path")} placeholder="./frontend" spellCheck={false} />}
        </Field>
        <Field label="Database path" error={e("database_path")}>
          {(p) => <Input {...p} {...register("database_path")} placeholder="./database" spellCheck={false} />}
        </Field>
      </Section>
      <Section title="Project">
        <Field label="Template" error={e("template")}>
          {(p) => (
            <Select {...p} {...register("template")}>
              {PROJECT_TEMPLATES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Status" error={e("status")}>
          {(p) => (
            <Select {...p} {...register("status")}>
              {PROJECT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Version" error={e("version")} hint="Semantic version, e.g. 1.0.0">
          {(p) => <Input {...p} {...register("version")} placeholder="1.0.0" />}
        </Field>
        <Field label="Package manager" error={e("package_manager")}>
          {(p) => (
            <>
              <Input {...p} {...register("package_manager")} list="package-managers" placeholder="npm" />
              <datalist id="package-managers">
                {PACKAGE_MANAGERS.map((m) => (
                  <option key={m} value={m} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="Node version" error={e("node_version")} hint="e.g. 20.11.0">
          {(p) => <Input {...p} {...register("node_version")} />}
        </Field>
      </Section>
      <Section title="Git">
        <Field
          label="Git repository"
          error={e("git_repository")}
          hint="https://github.com/acme/shop.git or git@github.com:acme/shop.git"
        >
          {(p) => <Input {...p} {...register("git_repository")} spellCheck={false} />}
        </Field>
        <Field label="Git branch" error={e("git_branch")}>
          {(p) => <Input {...p} {...register("git_branch")} placeholder="main" spellCheck={false} />}
        </Field>
      </Section>
      <Section title="Code generation">
        <Checkbox
          label="Auto generation"
          hint="Regenerate code when metadata changes"
          {...register("auto_generation")}
        />
        <Checkbox label="Watch mode" hint="Watch metadata for changes" {...register("watch_mode")} />
      </Section>
    </>
  );
}
