import { ServiceName } from '@crowdlink/contracts';

export type Upstream = Exclude<ServiceName, 'gateway'>;

/**
 * Which service owns which public path. First match wins, so a specific path is listed
 * before the general one it would otherwise fall under. `:param` is one path segment;
 * a trailing `/**` is the path itself and anything below it. The gateway's own routes
 * (/v1/auth, /v1/me, /v1/admin/users, /v1/notifications, /v1/openapi.json) never reach this table.
 */
export const ROUTING_TABLE: readonly (readonly [pattern: string, owner: Upstream])[] = [
  ['/v1/projects/:id/pledges/**', 'pledge'],
  ['/v1/projects/:id/cap-table', 'pledge'],
  ['/v1/projects/:id/settlement', 'pledge'],
  ['/v1/projects/:id/matches', 'investor'],
  ['/v1/projects/**', 'project-listing'],
  ['/v1/companies/**', 'project-listing'],
  ['/v1/admin/complaints/**', 'project-listing'],
  ['/v1/admin/projects/:id/close', 'pledge'],
  ['/v1/investors/me/pledges/**', 'pledge'],
  ['/v1/investors/me/portfolio', 'pledge'],
  ['/v1/investors/**', 'investor'],
  ['/v1/admin/investors/**', 'investor'],
  ['/v1/pledges/**', 'pledge'],
  ['/v1/payments/**', 'pledge'],
  ['/v1/admin/ledger/**', 'pledge'],
  ['/v1/ip-assets/**', 'loan-linkage'],
  ['/v1/bank/**', 'loan-linkage'],
  ['/v1/loan-offers/**', 'loan-linkage'],
  ['/v1/loans/**', 'loan-linkage'],
  ['/v1/admin/risk-pools/**', 'loan-linkage'],
  ['/v1/admin/audit/**', 'loan-linkage'],
  ['/v1/admin/test-clock', 'loan-linkage'],
];

export class RoutingTable {
  private readonly routes: { matcher: RegExp; owner: Upstream }[];

  constructor(table: typeof ROUTING_TABLE = ROUTING_TABLE) {
    this.routes = table.map(([pattern, owner]) => ({ matcher: compile(pattern), owner }));
  }

  /** The service that owns a path (query string excluded), if any. */
  ownerOf(path: string): Upstream | undefined {
    return this.routes.find((route) => route.matcher.test(path))?.owner;
  }
}

function compile(pattern: string): RegExp {
  const subtree = pattern.endsWith('/**');
  const base = subtree ? pattern.slice(0, -3) : pattern;
  const body = base
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}${subtree ? '(?:/.*)?' : ''}/?$`);
}
