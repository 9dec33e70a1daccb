/** The legal regimes a project can be offered under (api.md `jurisdiction`). */
export const JURISDICTIONS = ['CN', 'US', 'EU'] as const;

export type Jurisdiction = (typeof JURISDICTIONS)[number];
