"use client";

import { Button } from "@/components/ui/button";
import type { ProjectValues } from "@/lib/schemas/project";

/** Someone saved the row meanwhile: show each field that differs, theirs beside mine, and let the user choose. */
export function ConflictPanel({
  mine,
  theirs,
  onTakeTheirs,
  onKeepMine,
}: {
  mine: ProjectValues;
  theirs: ProjectValues;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  const keys = (Object.keys(theirs) as (keyof ProjectValues)[]).filter(
    (k) => k !== "rowVersion" && String(mine[k]) !== String(theirs[k]),
  );
  return (
    <section aria-label="Conflicting changes" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
      <p className="font-semibold text-amber-900">Changed by someone else while you edited</p>
      <table className="mt-2 w-full table-fixed text-left text-xs">
        <thead>
          <tr className="text-amber-900">
            <th className="w-40 py-1">Field</th>
            <th className="py-1">Their value (saved)</th>
            <th className="py-1">Your value</th>
          </tr>
        </thead>
        <tbody>
          {keys.length === 0 && (
            <tr>
              <td colSpan={3} className="py-1">
                No field differs from yours; only the timestamp changed.
              </td>
            </tr>
          )}
          {keys.map((k) => (
            <tr key={k} className="border-t border-amber-200 align-top">
              <th scope="row" className="py-1 font-mono font-normal">
                {k}
              </th>
              <td className="whitespace-pre-wrap break-words py-1 font-mono">{String(theirs[k]) || "—"}</td>
              <td className="whitespace-pre-wrap break-words py-1 font-mono">{String(mine[k]) || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 flex gap-2">
        <Button variant="secondary" onClick={onTakeTheirs}>
          Use their version
        </Button>
        <Button variant="secondary" onClick={onKeepMine}>
          Keep mine
        </Button>
      </div>
    </section>
  );
}
