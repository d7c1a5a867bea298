import { getTranslations } from "next-intl/server";
import { SegmentMessages } from "@/components/app-shell/segment-messages";
import { DatabaseTabs } from "@/components/database/database-tabs";

/** The Database section: the loop import → drift → plan → apply, one tab per step. */
export default async function DatabaseLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("pages.database");
  return (
    <SegmentMessages segment="database">
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-zinc-600">{t("intro")}</p>
        </div>
        <DatabaseTabs />
        {children}
      </div>
    </SegmentMessages>
  );
}
