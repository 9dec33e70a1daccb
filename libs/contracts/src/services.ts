/** The five processes of the marketplace. Names appear in queue names: never rename one. */
export const SERVICE_NAMES = ['gateway', 'project-listing', 'investor', 'pledge', 'loan-linkage'] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The PostgreSQL schema that a service owns; no service reads another's. */
export function schemaOf(service: ServiceName): string {
  return service.replace(/-/g, '_');
}
