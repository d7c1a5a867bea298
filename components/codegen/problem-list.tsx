import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { problemHref, type Problem } from "@/lib/codegen/model";

const where = (p: Problem) =>
  p.target.kind === "column" ? `${p.target.column}.${p.target.field}` : p.target.kind === "relation" ? `relation #${p.target.relationId} ${p.target.field}` : p.target.field;

/** Metadata the generators could not use: what, where (a link to the cell), and that it is left out. */
export function ProblemList({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <Alert tone="warning" title={`${problems.length} ${problems.length === 1 ? "problem" : "problems"}: left out of the generated code until fixed`}>
      <ul className="list-disc space-y-1 pl-5">
        {problems.map((p, i) => (
          <li key={i}>
            <Link href={problemHref(p)} className="font-mono text-xs underline">
              {p.table}: {where(p)}
            </Link>{" "}
            {p.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
