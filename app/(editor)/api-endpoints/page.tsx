import type { Metadata } from "next";
import { EndpointsView } from "@/components/endpoints/endpoints-view";
import { listEndpoints } from "@/lib/metadata/endpoints";
import { requireReady } from "@/lib/metadata/require-ready";

export const metadata: Metadata = { title: "API endpoints" };

export default async function ApiEndpointsPage() {
  await requireReady();
  const endpoints = await listEndpoints();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">API endpoints</h1>
        <p className="text-sm text-zinc-600">
          <code>_metadata.mappings_api_endpoint</code>: external APIs that columns take their values from. Edit a cell
          in place, open an endpoint for its headers, auth, rate limit, retry, cache and mappings.
        </p>
      </div>
      <EndpointsView initial={endpoints} />
    </div>
  );
}
