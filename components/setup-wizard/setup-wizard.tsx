"use client";

import { useTranslations } from "next-intl";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { checkConnectionAction, finishSetupAction } from "@/app/setup/actions";
import { cn } from "@/components/ui/cn";
import { projectWizardSchema, type ProjectWizardValues } from "@/lib/schemas/project";
import { ConnectionStep } from "./connection-step";
import { InitializeStep } from "./initialize-step";
import { ProjectStep } from "./project-step";
import { ReviewStep } from "./review-step";
import type { WizardState } from "./wizard-state";

const STEPS = ["connection", "initialize", "project", "review"] as const;

export function SetupWizard({
  initialState,
  initSql,
  defaults,
}: {
  initialState: WizardState;
  initSql: string;
  defaults: ProjectWizardValues;
}) {
  const router = useRouter();
  const t = useTranslations("setup");
  const [state, setState] = useState(initialState);
  const [step, setStep] = useState(0);
  const [checking, startCheck] = useTransition();
  const [finishing, startFinish] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ProjectWizardValues>({
    resolver: zodResolver(projectWizardSchema),
    defaultValues: defaults,
    mode: "onTouched",
  });
  const facts = "facts" in state ? state.facts : null;

  function retry() {
    startCheck(async () => {
      try {
        setState(await checkConnectionAction());
      } catch {
        toast.error(t("serverGone"));
      }
    });
  }

  function finish() {
    setFormError(null);
    startFinish(async () => {
      const result = await finishSetupAction(form.getValues());
      if (result.ok) {
        toast.success(t("done", { id: result.data.projectId }));
        router.replace("/");
        router.refresh();
        return;
      }
      setFormError(result.formError ?? t("notSaved"));
      if (result.fieldErrors) {
        for (const [name, message] of Object.entries(result.fieldErrors)) {
          if (name in defaults) form.setError(name as keyof ProjectWizardValues, { message });
        }
        setStep(2);
      }
    });
  }

  return (
    <div className="space-y-6">
      <ol className="flex flex-wrap gap-2" aria-label={t("stepsLabel")}>
        {STEPS.map((name, i) => (
          <li
            key={name}
            aria-current={i === step ? "step" : undefined}
            className={cn(
              "rounded-full px-3 py-1 text-xs font-medium",
              i === step
                ? "bg-blue-600 text-white"
                : i < step
                  ? "bg-blue-100 text-blue-800"
                  : "bg-zinc-200 text-zinc-600",
            )}
          >
            {i + 1}. {t(`steps.${name}`)}
          </li>
        ))}
      </ol>
      <section aria-labelledby="step-title" className="rounded-xl border border-zinc-200 bg-zinc-50 p-6">
        <h2 id="step-title" className="mb-4 text-lg font-semibold">
          {step + 1}. {t(`steps.${STEPS[step]}`)}
        </h2>
        {step === 0 && <ConnectionStep state={state} checking={checking} onRetry={retry} onNext={() => setStep(1)} />}
        {step === 1 && facts && "summary" in state && (
          <InitializeStep
            sql={initSql}
            summary={state.summary}
            onBack={() => setStep(0)}
            onDone={(summary) =>
              startCheck(async () => {
                // A repair of an existing project's schema: nothing more to set up.
                const fresh = await checkConnectionAction().catch(() => null);
                if (fresh?.kind === "ready") {
                  toast.success(t("repaired"));
                  router.replace("/");
                  router.refresh();
                  return;
                }
                setState({ ...state, kind: "needs_project", summary });
                setStep(2);
              })
            }
          />
        )}
        {step === 2 && (
          <ProjectStep
            form={form}
            formError={formError}
            onBack={() => setStep(1)}
            onNext={() => {
              setFormError(null);
              setStep(3);
            }}
          />
        )}
        {step === 3 && facts && (
          <ReviewStep
            values={form.getValues()}
            connection={facts.display}
            pending={finishing}
            formError={formError}
            onBack={() => setStep(2)}
            onFinish={finish}
          />
        )}
      </section>
    </div>
  );
}
