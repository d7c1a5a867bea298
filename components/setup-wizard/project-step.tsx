"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegister, UseFormReturn } from "react-hook-form";
import { ProjectCoreFields, Section, type CoreValues } from "@/components/project-form/project-core-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Input, Textarea } from "@/components/ui/field";
import { PROJECT_JSON_COLUMNS, type ProjectWizardValues } from "@/lib/schemas/project";

export function ProjectStep({
  form,
  formError,
  onNext,
  onBack,
}: {
  form: UseFormReturn<ProjectWizardValues>;
  formError: string | null;
  onNext: (values: ProjectWizardValues) => void;
  onBack: () => void;
}) {
  const { register, formState, handleSubmit } = form;
  const t = useTranslations("setup");
  const p = useTranslations("project");
  const f = useTranslations("fields.project");
  return (
    <form noValidate onSubmit={handleSubmit(onNext)} className="space-y-5" aria-label={p("formLabel")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <ProjectCoreFields register={register as unknown as UseFormRegister<CoreValues>} errors={formState.errors} />
      <Section title={t("projectStep.techAndGeneration")}>
        <Field
          label={p("jsonLabel", { label: f("tech_stack") })}
          error={formState.errors.tech_stack?.message}
          hint={p("hints.example", { example: PROJECT_JSON_COLUMNS.tech_stack })}
          className="sm:col-span-2"
        >
          {(p) => (
            <Textarea {...p} rows={5} className="font-mono text-xs" spellCheck={false} {...register("tech_stack")} />
          )}
        </Field>
        <Field
          label={f("generation_output_dir")}
          error={formState.errors.generation_output_dir?.message}
          hint="generation_config.outputDir"
        >
          {(p) => <Input {...p} {...register("generation_output_dir")} placeholder="./src/generated" />}
        </Field>
        <div className="space-y-3 pt-6">
          <Checkbox
            label={f("generation_include_comments")}
            hint="generation_config.includeComments"
            {...register("generation_include_comments")}
          />
          <Checkbox
            label={f("generation_prettier")}
            hint="generation_config.prettier"
            {...register("generation_prettier")}
          />
        </div>
      </Section>
      <div className="flex gap-2">
        <Button variant="secondary" onClick={onBack}>
          {t("back")}
        </Button>
        <Button type="submit">{t("projectStep.review")}</Button>
      </div>
    </form>
  );
}
