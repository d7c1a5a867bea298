import type { CheckSummary } from "@/lib/metadata/check";
import type { ConnectionFacts, SetupState } from "@/lib/metadata/setup-state";

/** The setup state as the client needs it: serializable, without the project row. */
export type WizardState =
  | { kind: "not_configured" | "unreachable" | "error"; message: string; label?: string }
  | { kind: "needs_init" | "needs_project" | "ready"; facts: ConnectionFacts; summary: CheckSummary };

export function toWizardState(state: SetupState): WizardState {
  if (state.kind === "not_configured" || state.kind === "unreachable" || state.kind === "error") return state;
  return { kind: state.kind, facts: state.facts, summary: state.summary };
}
