import { OpenAPIObject } from '@nestjs/swagger';
import { PlatformConfig, urlOf } from '@crowdlink/platform';
import { Upstream } from '../routing/routing-table';

const UPSTREAMS: Upstream[] = ['project-listing', 'investor', 'pledge', 'loan-linkage'];
const FETCH_TIMEOUT_MS = 2000;

/**
 * The public API as one document: the gateway's own paths plus every service's. A service
 * that does not answer is listed under `x-unavailable` instead of failing the whole page.
 */
export async function mergedOpenApi(config: PlatformConfig, gateway: OpenAPIObject): Promise<OpenAPIObject> {
  const documents = await Promise.all(UPSTREAMS.map((service) => fetchDocument(urlOf(config, service))));
  const merged: OpenAPIObject = {
    ...gateway,
    info: { ...gateway.info, title: 'Crowdlink API', description: 'The public HTTP API of the Crowdlink marketplace.' },
    paths: { ...gateway.paths },
    components: { ...gateway.components, schemas: { ...gateway.components?.schemas } },
  };
  const unavailable: string[] = [];
  documents.forEach((document, index) => {
    if (!document) {
      unavailable.push(UPSTREAMS[index]);
      return;
    }
    Object.assign(merged.paths, document.paths);
    Object.assign(merged.components!.schemas!, document.components?.schemas);
  });
  return unavailable.length > 0 ? ({ ...merged, 'x-unavailable': unavailable } as OpenAPIObject) : merged;
}

async function fetchDocument(baseUrl: string): Promise<OpenAPIObject | undefined> {
  try {
    const response = await fetch(`${baseUrl}/openapi.json`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    return response.ok ? ((await response.json()) as OpenAPIObject) : undefined;
  } catch {
    return undefined;
  }
}
