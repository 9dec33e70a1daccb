import { MarketplaceClient } from './marketplace-client';
import { formatMoney } from './money-format';
import { ProjectView } from './listing.steps';
import { Actor } from './scenario-report';

interface Tally {
  count: number;
  amount: number;
}

export interface SettlementView {
  status: string;
  currency: string;
  charged: Tally;
  failed: Tally;
  released: Tally;
  refunded: Tally;
  platformFee: number;
  payout: number;
  payoutStatus: string;
}

export interface CapTableView {
  shareClass: string | null;
  pricePerShare: number | null;
  holders: { investorId: string; displayName: string | null; shares: number; amount: number }[];
  options: { holder: string; equityPercent: number; source: string; loanId: string }[];
  totalShares: number;
  raised: number;
  postMoneyValuation: number | null;
}

export interface TrialBalanceView {
  currencies: { currency: string; debits: number; credits: number; balanced: boolean }[];
  balanced: boolean;
}

/** As if the deadline had passed: the pledges are charged (or released) in the background. */
export function closeCampaign(client: MarketplaceClient, admin: Actor, project: ProjectView): Promise<SettlementView> {
  return client.send<SettlementView>({
    by: admin,
    does: `closes "${project.title}" now`,
    method: 'POST',
    path: `/v1/admin/projects/${project.id}/close`,
    expect: 202,
    tells: (settlement) => `${settlement.status}: the pledges are being settled`,
  });
}

export function settledAs(
  client: MarketplaceClient,
  viewer: Actor,
  project: ProjectView,
  status: 'FUNDED' | 'FAILED',
): Promise<SettlementView> {
  return client.send<SettlementView>({
    by: viewer,
    does: `sees the settlement ${status}`,
    method: 'GET',
    path: `/v1/projects/${project.id}/settlement`,
    expect: 200,
    until: (settlement) => settlement.status === status,
    tells: (s) =>
      `${s.status}: ${s.charged.count} charged (${formatMoney(s.charged.amount, s.currency)}), ${s.failed.count} failed, ` +
      `${s.released.count} released; fee ${formatMoney(s.platformFee, s.currency)}, payout ${formatMoney(s.payout, s.currency)}`,
  });
}

/** The cap table once it shows `until` (shares and warrants arrive by event). */
export function capTableOf(
  client: MarketplaceClient,
  founder: Actor,
  project: ProjectView,
  until: (table: CapTableView) => boolean,
): Promise<CapTableView> {
  return client.send<CapTableView>({
    by: founder,
    does: 'reads the cap table',
    method: 'GET',
    path: `/v1/projects/${project.id}/cap-table`,
    expect: 200,
    until,
    tells: (table) =>
      [
        ...table.holders.map(
          (holder) => `${holder.displayName ?? holder.investorId}: ${holder.shares.toLocaleString('en-US')} shares`,
        ),
        ...table.options.map((option) => `${option.holder}: option on ${option.equityPercent}% (${option.source})`),
      ].join('; '),
  });
}

export function trialBalance(client: MarketplaceClient, admin: Actor): Promise<TrialBalanceView> {
  return client.send<TrialBalanceView>({
    by: admin,
    does: 'checks the ledger’s trial balance',
    method: 'GET',
    path: '/v1/admin/ledger/trial-balance',
    expect: 200,
    tells: (balance) =>
      balance.currencies
        .map(
          (c) =>
            `${c.currency}: debits ${formatMoney(c.debits, c.currency)} = credits ${formatMoney(c.credits, c.currency)}`,
        )
        .join('; ') + (balance.balanced ? ' (balanced)' : ' (NOT balanced)'),
  });
}
