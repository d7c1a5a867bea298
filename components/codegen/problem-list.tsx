import { useTranslations } from "next-intl";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { problemHref, type Problem } from "@/lib/codegen/model";

type Translate = ReturnType<typeof useTranslations<"code">>;
const where = (p: Problem, t: Translate) =>
  p.target.kind === "column"
    ? `${p.target.column}.${p.target.field}`
    : p.target.kind === "relation"
      ? t("relationAt", { id: p.target.relationId, field: p.target.field })
      : p.target.field;

/**
 * Metadata the generators could not use: what, where (a link to the cell), and that it is left out. The links are
 * not prefetched: a large table lists a hundred of them, all to its own heavy page.
 */
export function ProblemList({ problems }: { problems: Problem[] }) {
  const t = useTranslations("code");
  if (problems.length === 0) return null;
  return (
    <Alert tone="warning" title={t("problems", { count: problems.length })}>
      <ul className="list-disc space-y-1 pl-5">
        {problems.map((p, i) => (
          <li key={i}>
            <Link href={problemHref(p)} prefetch={false} className="font-mono text-xs underline">
              {p.table}: {where(p, t)}
            </Link>{" "}
            {p.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
