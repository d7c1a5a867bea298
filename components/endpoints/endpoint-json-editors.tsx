"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { parseJsonOr } from "@/lib/schemas/json-text";

/**
 * Structured editors for an endpoint's JSON fields, like the column panel's (columns/json-editors.tsx): each
 * reads and writes the field's JSON text (empty = NULL); keys it does not know are kept as they are.
 */
interface EditorProps {
  value: string;
  onChange: (text: string) => void;
  label: string;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const emit = (next: Obj) => (Object.keys(next).length === 0 ? "" : JSON.stringify(next));
function NotObject() {
  const t = useTranslations("grid");
  return <p className="text-xs text-amber-700">{t("notObject")}</p>;
}

/** Name → value pairs (HTTP headers, request / response mappings). */
export function PairsEditor({ value, onChange, label, keyHint, valueHint }: EditorProps & { keyHint: string; valueHint: string }) {
  const t = useTranslations("grid");
  const obj = parseJsonOr<Obj>(value, {});
  if (!isObject(obj)) return <NotObject />;
  // "Headers" → "header" in English; other languages have no plural -s to drop.
  const item = label.toLowerCase().replace(/s$/, "");
  const entries = Object.entries(obj);
  const set = (next: [string, unknown][]) => onChange(emit(Object.fromEntries(next)));
  return (
    <div className="space-y-2" role="group" aria-label={label}>
      {entries.map(([k, v], i) => (
        <div key={i} className="flex gap-2">
          <Input
            aria-label={t("pairName", { label, n: i + 1 })}
            value={k}
            placeholder={keyHint}
            onChange={(e) => set(entries.map((x, j) => (j === i ? [e.target.value, x[1]] : x)))}
          />
          <Input
            aria-label={t("pairValue", { label, n: i + 1 })}
            value={typeof v === "string" ? v : JSON.stringify(v)}
            placeholder={valueHint}
            onChange={(e) => set(entries.map((x, j) => (j === i ? [x[0], e.target.value] : x)))}
          />
          <Button variant="ghost" aria-label={t("pairRemove", { item, n: i + 1 })} onClick={() => set(entries.filter((_, j) => j !== i))}>
            ✕
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => set([...entries, ["", ""]])} disabled={Object.hasOwn(obj, "")}>
        {t("pairAdd", { item })}
      </Button>
    </div>
  );
}

type KeyLabel = "keyType" | "keyTokenField" | "keyRefreshUrl" | "keyMaxRequests" | "keyWindowMs" | "keyMaxRetries" | "keyBackoff" | "keyInitialDelay" | "keyTtlMs";

/** A fixed set of keys, each text or a number (auth, rate limit, retry, cache). */
export function KeysEditor({ value, onChange, label, keys }: EditorProps & { keys: { key: string; label: KeyLabel; number?: boolean; hint: string }[] }) {
  const t = useTranslations("grid");
  const obj = parseJsonOr<Obj>(value, {});
  if (!isObject(obj)) return <NotObject />;
  const set = (key: string, raw: string, number: boolean) => {
    const next: Obj = { ...obj };
    if (raw.trim() === "") delete next[key];
    else next[key] = number && /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
    onChange(emit(next));
  };
  return (
    <div className="grid grid-cols-3 gap-3 text-xs" role="group" aria-label={label}>
      {keys.map((k) => (
        <label key={k.key} className="space-y-1">
          <span>{t(k.label)}</span>
          <Input
            aria-label={`${label}: ${t(k.label)}`}
            inputMode={k.number ? "numeric" : undefined}
            placeholder={k.hint}
            value={obj[k.key] === undefined || obj[k.key] === null ? "" : String(obj[k.key])}
            onChange={(e) => set(k.key, e.target.value, Boolean(k.number))}
          />
        </label>
      ))}
    </div>
  );
}

export const ENDPOINT_STRUCTURED: Record<string, (p: EditorProps) => React.ReactNode> = {
  headers: (p) => <PairsEditor {...p} keyHint="Accept" valueHint="application/json" />,
  request_mapping: (p) => <PairsEditor {...p} keyHint="username" valueHint="login" />,
  response_mapping: (p) => <PairsEditor {...p} keyHint="login" valueHint="username" />,
  auth_config: (p) => (
    <KeysEditor
      {...p}
      keys={[
        { key: "type", label: "keyType", hint: "Bearer" },
        { key: "tokenField", label: "keyTokenField", hint: "access_token" },
        { key: "refreshUrl", label: "keyRefreshUrl", hint: "/oauth/token" },
      ]}
    />
  ),
  rate_limit_config: (p) => (
    <KeysEditor
      {...p}
      keys={[
        { key: "maxRequests", label: "keyMaxRequests", number: true, hint: "100" },
        { key: "windowMs", label: "keyWindowMs", number: true, hint: "60000" },
      ]}
    />
  ),
  retry_config: (p) => (
    <KeysEditor
      {...p}
      keys={[
        { key: "maxRetries", label: "keyMaxRetries", number: true, hint: "3" },
        { key: "backoff", label: "keyBackoff", hint: "exponential" },
        { key: "initialDelay", label: "keyInitialDelay", number: true, hint: "1000" },
      ]}
    />
  ),
  cache_config: (p) => <KeysEditor {...p} keys={[{ key: "ttlMs", label: "keyTtlMs", number: true, hint: "300000" }]} />,
};
