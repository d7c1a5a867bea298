import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HistoryList } from "@/components/history/history-list";
import { toHistoryView } from "@/lib/metadata/diff";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { LOGGED_TABLES, listHistory, OPERATIONS } from "@/lib/metadata/history";
import { historyFilterSchema } from "@/lib/schemas/history";
import { toHistoryFilter } from "./filter";
import { requireReady } from "@/lib/metadata/require-ready";
import { PageHeader, pageMetadata } from "@/components/app-shell/page-header";

export const generateMetadata = () => pageMetadata("history");

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireReady();
  const t = await getTranslations("pages.history");
  const raw = await searchParams;
  const single = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = historyFilterSchema.safeParse(single);
  const input = parsed.success ? parsed.data : {};
  const { entries, nextBefore } = await listHistory(toHistoryFilter(input));
  const older = new URLSearchParams(
    Object.entries({ ...single, before: nextBefore ? String(nextBefore) : "" }).filter(([, v]) => v) as [
      string,
      string,
    ][],
  );
  return (
    <div className="space-y-4">
      <PageHeader page="history" />
      {!parsed.success && (
        <p role="alert" className="text-sm text-red-700">
          {t("invalidFilter", { message: parsed.error.issues[0].message })}
        </p>
      )}
      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3"
        aria-label={t("filterLabel")}
      >
        <label className="space-y-1 text-xs">
          <span>{t("table")}</span>
          <Select name="table" defaultValue={input.table ?? ""} aria-label={t("table")}>
            <option value="">{t("allTables")}</option>
            {LOGGED_TABLES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1 text-xs">
          <span>{t("operation")}</span>
          <Select name="operation" defaultValue={input.operation ?? ""} aria-label={t("operation")}>
            <option value="">{t("allOperations")}</option>
            {OPERATIONS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1 text-xs">
          <span>{t("from")}</span>
          <Input type="datetime-local" name="from" defaultValue={input.from ?? ""} aria-label={t("from")} />
        </label>
        <label className="space-y-1 text-xs">
          <span>{t("to")}</span>
          <Input type="datetime-local" name="to" defaultValue={input.to ?? ""} aria-label={t("to")} />
        </label>
        <Button type="submit">{t("apply")}</Button>
        <Link href="/history" className="py-2 text-sm text-blue-700 underline">
          {t("clear")}
        </Link>
      </form>
      <HistoryList entries={entries.map(toHistoryView)} />
      {nextBefore && (
        <Link href={`/history?${older.toString()}`} className="inline-block text-sm text-blue-700 underline">
          {t("older")}
        </Link>
      )}
    </div>
  );
}
