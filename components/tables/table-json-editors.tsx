"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { INDEX_TYPES } from "@/lib/schemas/table";
import { parseJsonOr } from "@/lib/schemas/json-text";

/** Structured editors for mappings_table's JSONB fields; they read and write the field's JSON text. */
interface Props {
  value: string;
  onChange: (text: string) => void;
}

function Unreadable() {
  const t = useTranslations("tableJson");
  return <p className="text-xs text-amber-700">{t("unreadable")}</p>;
}
const unreadable = <Unreadable />;

export function ApiPermissionsEditor({ value, onChange }: Props) {
  const t = useTranslations("tableJson");
  const f = useTranslations("fields.table");
  const perms = parseJsonOr<Record<string, string>>(value, {});
  if (!perms || typeof perms !== "object" || Array.isArray(perms)) return unreadable;
  const set = (key: string, v: string) => {
    const next = { ...perms };
    if (v.trim() === "") delete next[key];
    else next[key] = v;
    onChange(Object.keys(next).length ? JSON.stringify(next) : "");
  };
  return (
    <div className="grid grid-cols-3 gap-3" role="group" aria-label={f("api_permissions")}>
      {(["read", "write", "delete"] as const).map((k) => (
        <label key={k} className="space-y-1 text-xs">
          <span className="capitalize">{k}</span>
          <Input
            aria-label={t("permission", { name: k })}
            list="permission-roles"
            value={perms[k] ?? ""}
            placeholder={k === "read" ? "public" : k === "write" ? "authenticated" : "admin"}
            onChange={(e) => set(k, e.target.value)}
          />
        </label>
      ))}
      <datalist id="permission-roles">
        <option value="public" />
        <option value="authenticated" />
        <option value="admin" />
        <option value="owner" />
      </datalist>
    </div>
  );
}

type Checks = { checks?: { name: string; condition: string }[] };

export function ChecksEditor({ value, onChange }: Props) {
  const t = useTranslations("tableJson");
  const c = parseJsonOr<Checks>(value, { checks: [] });
  if (!c || !Array.isArray(c.checks ?? [])) return unreadable;
  const checks = c.checks ?? [];
  const set = (next: Checks["checks"] & object) => onChange(next.length ? JSON.stringify({ ...c, checks: next }) : "");
  return (
    <div className="space-y-2" role="group" aria-label={t("checks")}>
      {checks.map((k, i) => (
        <div key={i} className="flex gap-2">
          <Input
            aria-label={t("checkName", { n: i + 1 })}
            className="w-56 font-mono text-xs"
            placeholder="check_status"
            value={k.name}
            onChange={(e) => set(checks.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
          />
          <Input
            aria-label={t("checkCondition", { n: i + 1 })}
            className="font-mono text-xs"
            placeholder="status IN ('ACTIVE', 'INACTIVE')"
            value={k.condition}
            onChange={(e) => set(checks.map((x, j) => (j === i ? { ...x, condition: e.target.value } : x)))}
          />
          <Button
            variant="ghost"
            aria-label={t("removeCheck", { n: i + 1 })}
            onClick={() => set(checks.filter((_, j) => j !== i))}
          >
            ✕
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => set([...checks, { name: "", condition: "" }])}>
        {t("addCheck")}
      </Button>
    </div>
  );
}

type Index = { columns: string[]; type: string };

export function IndexesEditor({ value, onChange, columnNames }: Props & { columnNames: string[] }) {
  const t = useTranslations("tableJson");
  const f = useTranslations("fields.table");
  const indexes = parseJsonOr<Index[]>(value, []);
  if (!Array.isArray(indexes)) return unreadable;
  const set = (next: Index[]) => onChange(next.length ? JSON.stringify(next) : "");
  return (
    <div className="space-y-2" role="group" aria-label={f("indexes")}>
      {indexes.map((ix, i) => (
        <div key={i} className="flex gap-2">
          <Input
            aria-label={t("indexColumns", { n: i + 1 })}
            className="font-mono text-xs"
            list="table-column-names"
            placeholder="email, created_at"
            value={(ix.columns ?? []).join(", ")}
            onChange={(e) =>
              set(
                indexes.map((x, j) =>
                  j === i
                    ? {
                        ...x,
                        columns: e.target.value
                          .split(",")
                          .map((s) => s.trim())
                          .filter(Boolean),
                      }
                    : x,
                ),
              )
            }
          />
          <Select
            aria-label={t("indexType", { n: i + 1 })}
            className="w-36"
            value={ix.type}
            onChange={(e) => set(indexes.map((x, j) => (j === i ? { ...x, type: e.target.value } : x)))}
          >
            {INDEX_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
          <Button
            variant="ghost"
            aria-label={t("removeIndex", { n: i + 1 })}
            onClick={() => set(indexes.filter((_, j) => j !== i))}
          >
            ✕
          </Button>
        </div>
      ))}
      <datalist id="table-column-names">
        {columnNames.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <Button variant="secondary" onClick={() => set([...indexes, { columns: [], type: "BTREE" }])}>
        {t("addIndex")}
      </Button>
    </div>
  );
}
