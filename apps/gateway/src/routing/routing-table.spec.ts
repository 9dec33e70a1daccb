import { RoutingTable } from './routing-table';

describe(RoutingTable.name, () => {
  const table = new RoutingTable();

  it.each([
    ['/v1/projects', 'project-listing'],
    ['/v1/projects/0197-a', 'project-listing'],
    ['/v1/projects/0197-a/submit', 'project-listing'],
    ['/v1/projects/0197-a/pledges', 'pledge'],
    ['/v1/projects/0197-a/cap-table', 'pledge'],
    ['/v1/projects/0197-a/matches', 'investor'],
    ['/v1/investors/me', 'investor'],
    ['/v1/investors/me/limits', 'investor'],
    ['/v1/investors/me/pledges', 'pledge'],
    ['/v1/investors/me/portfolio', 'pledge'],
    ['/v1/admin/investors/0197-a/kyc', 'investor'],
    ['/v1/admin/projects/0197-a/close', 'pledge'],
    ['/v1/pledges/0197-a/reconfirm', 'pledge'],
    ['/v1/payments/stripe/webhook', 'pledge'],
    ['/v1/bank/loan-offers/0197-a/withdraw', 'loan-linkage'],
    ['/v1/loans/0197-a/claims', 'loan-linkage'],
    ['/v1/admin/audit', 'loan-linkage'],
  ])('routes %s to %s', (path, owner) => {
    expect(table.ownerOf(path)).toBe(owner);
  });

  it.each(['/v1/nowhere', '/v1/projectsX', '/v2/projects', '/v1/investorsme'])('owns no route for %s', (path) => {
    expect(table.ownerOf(path)).toBeUndefined();
  });
});
