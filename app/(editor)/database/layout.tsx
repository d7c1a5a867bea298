import { DatabaseTabs } from "@/components/database/database-tabs";

/** The Database section: the loop import → drift → plan → apply, one tab per step. */
export default function DatabaseLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Database</h1>
        <p className="text-sm text-zinc-600">
          Import existing tables into the metadata, see where the database and the metadata differ, and apply a reviewed
          change plan.
        </p>
      </div>
      <DatabaseTabs />
      {children}
    </div>
  );
}
