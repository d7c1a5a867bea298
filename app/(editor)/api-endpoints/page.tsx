import { EndpointsView } from "@/components/endpoints/endpoints-view";
import { listEndpoints } from "@/lib/metadata/endpoints";
import { requireReady } from "@/lib/metadata/require-ready";
import { PageHeader, pageMetadata } from "@/components/app-shell/page-header";

export const generateMetadata = () => pageMetadata("endpoints");

export default async function ApiEndpointsPage() {
  await requireReady();
  const endpoints = await listEndpoints();
  return (
    <div className="space-y-4">
      <PageHeader page="endpoints" />
      <EndpointsView initial={endpoints} />
    </div>
  );
}
