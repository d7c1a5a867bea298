"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Checkbox, Input, Textarea } from "@/components/ui/field";
import { defaultExpression } from "@/lib/schemas/default-expression";
import { regexProblem } from "@/lib/schemas/column";
import { parseJsonOr } from "@/lib/schemas/json-text";

/** Structured editors for JSONB fields: they read and write the field's JSON text (empty = NULL). */
interface JsonEditorProps {
  value: string;
  onChange: (text: string) => void;
  label: string;
}

const emit = (value: unknown, empty: boolean) => (empty ? "" : JSON.stringify(value));

export function EnumOptionsEditor({ value, onChange, label }: JsonEditorProps) {
  const t = useTranslations("grid");
  const options = parseJsonOr<{ value: string; label: string }[]>(value, []);
  if (!Array.isArray(options))
    return <p className="text-xs text-amber-700">{t("optionsNotList")}</p>;
  const set = (next: { value: string; label: string }[]) => onChange(emit(next, next.length === 0));
  return (
    <div className="space-y-2" role="group" aria-label={label}>
      {options.map((o, i) => (
        <div key={i} className="flex gap-2">
          <Input
            aria-label={t("optionValue", { n: i + 1 })}
            value={o.value}
            placeholder="ACTIVE"
            onChange={(e) => set(options.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
          />
          <Input
            aria-label={t("optionLabel", { n: i + 1 })}
            value={o.label}
            placeholder="활성"
            onChange={(e) => set(options.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))}
          />
          <Button
            variant="ghost"
            aria-label={t("optionRemove", { n: i + 1 })}
            onClick={() => set(options.filter((_, j) => j !== i))}
          >
            ✕
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => set([...options, { value: "", label: "" }])}>
        {t("optionAdd")}
      </Button>
    </div>
  );
}

type Rules = {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  email?: boolean;
  min?: number;
  max?: number;
  [k: string]: unknown;
};

export function ValidationRulesEditor({ value, onChange, label }: JsonEditorProps) {
  const t = useTranslations("grid");
  const rules = parseJsonOr<Rules>(value, {});
  if (rules === null || typeof rules !== "object" || Array.isArray(rules)) {
    return <p className="text-xs text-amber-700">{t("rulesNotObject")}</p>;
  }
  const set = (key: keyof Rules, v: unknown) => {
    const next: Rules = { ...rules };
    if (v === undefined || v === "" || v === false) delete next[key];
    else next[key] = v;
    onChange(emit(next, Object.keys(next).length === 0));
  };
  const num = (key: keyof Rules) => (
    <Input
      type="number"
      aria-label={`${label}: ${String(key)}`}
      value={typeof rules[key] === "number" ? String(rules[key]) : ""}
      onChange={(e) => set(key, e.target.value === "" ? undefined : Number(e.target.value))}
    />
  );
  const problem = typeof rules.pattern === "string" ? regexProblem(rules.pattern) : null;
  return (
    <div className="grid grid-cols-2 gap-3 text-xs" role="group" aria-label={label}>
      <label className="space-y-1">
        <span>{t("ruleMinLength")}</span>
        {num("minLength")}
      </label>
      <label className="space-y-1">
        <span>{t("ruleMaxLength")}</span>
        {num("maxLength")}
      </label>
      <label className="space-y-1">
        <span>{t("ruleMin")}</span>
        {num("min")}
      </label>
      <label className="space-y-1">
        <span>{t("ruleMax")}</span>
        {num("max")}
      </label>
      <label className="col-span-2 space-y-1">
        <span>{t("rulePattern")}</span>
        <Input
          aria-label={t("rulePatternLabel")}
          className="font-mono"
          value={typeof rules.pattern === "string" ? rules.pattern : ""}
          onChange={(e) => set("pattern", e.target.value)}
          aria-invalid={problem ? true : undefined}
        />
        {typeof rules.pattern === "string" && rules.pattern !== "" && (
          <span role="status" className={problem ? "text-red-600" : "text-emerald-700"}>
            {problem ? problem.replace(/^pattern does not compile/, "Does not compile") : t("ruleCompiles")}
          </span>
        )}
      </label>
      <div className="col-span-2">
        <Checkbox
          label={t("ruleEmail")}
          checked={rules.email === true}
          onChange={(e) => set("email", e.target.checked)}
        />
      </div>
    </div>
  );
}

type Constraints = { notNull?: boolean; default?: unknown; check?: string; [k: string]: unknown };

/**
 * NOT NULL, default and check of a column: the one editor of pg_constraints (other keys, such as an imported
 * identity, are kept). A default is stored as the user means it (default-expression.ts: ACTIVE → 'ACTIVE').
 */
export function PgConstraintsEditor({ value, onChange, label }: JsonEditorProps) {
  const t = useTranslations("grid");
  const c = parseJsonOr<Constraints>(value, {});
  const stored =
    c && typeof c === "object" && !Array.isArray(c) && c.default !== undefined && c.default !== null
      ? String(c.default)
      : "";
  const [typed, setTyped] = useState(stored);
  if (c === null || typeof c !== "object" || Array.isArray(c)) {
    // Not an object (written by hand or by another tool): the JSON itself, to be put right.
    return (
      <div className="space-y-1 text-xs">
        <p className="text-amber-700">{t("constraintsNotObject")}</p>
        <Textarea
          aria-label={`${label} (JSON)`}
          className="font-mono text-xs"
          rows={3}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
    );
  }
  const set = (key: keyof Constraints, v: unknown) => {
    const next: Constraints = { ...c };
    if (v === undefined || v === "" || v === false) delete next[key];
    else next[key] = v;
    onChange(emit(next, Object.keys(next).length === 0));
  };
  const helpId = `${label.replace(/\W+/g, "-")}-default-help`;
  return (
    <div className="grid grid-cols-2 gap-3 text-xs" role="group" aria-label={label}>
      <div className="col-span-2">
        <Checkbox label="NOT NULL" checked={c.notNull === true} onChange={(e) => set("notNull", e.target.checked)} />
      </div>
      <label className="space-y-1">
        <span>{t("constraintDefault")}</span>
        <Input
          aria-label={t("constraintDefaultLabel")}
          aria-describedby={helpId}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            set("default", defaultExpression(e.target.value));
          }}
        />
        <span id={helpId} className="block text-zinc-500">
          {stored && stored !== typed.trim() ? `${t("storedAs", { value: stored })} ` : ""}
          {t("defaultQuoting")}
        </span>
      </label>
      <label className="space-y-1">
        <span>{t("constraintCheck")}</span>
        <Input
          aria-label={t("constraintCheckLabel")}
          className="font-mono"
          value={c.check ?? ""}
          onChange={(e) => set("check", e.target.value)}
        />
      </label>
    </div>
  );
}
