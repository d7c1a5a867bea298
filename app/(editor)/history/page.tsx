import type { Metadata } from "next";
import Link from "next/link";
import { HistoryList } from "@/components/history/history-list";
import { toHistoryView } from "@/lib/metadata/diff";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { LOGGED_TABLES, listHistory, OPERATIONS } from "@/lib/metadata/history";
import { historyFilterSchema } from "@/lib/schemas/history";
import { toHistoryFilter } from "./filter";
import { requireReady } from "@/lib/metadata/require-ready";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireReady();
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
      <div>
        <h1 className="text-2xl font-semibold">History</h1>
        <p className="text-sm text-zinc-600">
          <code>_metadata.metadata_sync_log</code>, newest first: every change to the metadata, made here or with psql,
          recorded by the database.
        </p>
      </div>
      {!parsed.success && (
        <p role="alert" className="text-sm text-red-700">
          Ignored an invalid filter: {parsed.error.issues[0].message}
        </p>
      )}
      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3"
        aria-label="Filter history"
      >
        <label className="space-y-1 text-xs">
          <span>Table</span>
          <Select name="table" defaultValue={input.table ?? ""} aria-label="Table">
            <option value="">All tables</option>
            {LOGGED_TABLES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1 text-xs">
          <span>Operation</span>
          <Select name="operation" defaultValue={input.operation ?? ""} aria-label="Operation">
            <option value="">All operations</option>
            {OPERATIONS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1 text-xs">
          <span>From</span>
          <Input type="datetime-local" name="from" defaultValue={input.from ?? ""} aria-label="From" />
        </label>
        <label className="space-y-1 text-xs">
          <span>To</span>
          <Input type="datetime-local" name="to" defaultValue={input.to ?? ""} aria-label="To" />
        </label>
        <Button type="submit">Apply</Button>
        <Link href="/history" className="py-2 text-sm text-blue-700 underline">
          Clear
        </Link>
      </form>
      <HistoryList entries={entries.map(toHistoryView)} />
      {nextBefore && (
        <Link href={`/history?${older.toString()}`} className="inline-block text-sm text-blue-700 underline">
          Older entries
        </Link>
      )}
    </div>
  );
}
