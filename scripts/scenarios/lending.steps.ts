import { MarketplaceClient } from './marketplace-client';
import { formatMoney } from './money-format';
import { IpAssetView, ProjectView } from './listing.steps';
import { Actor } from './scenario-report';

export interface ValuationInput {
  method: 'INCOME' | 'MARKET' | 'COST';
  value: number;
  currency: string;
  validUntil: string;
  reportRef: string;
}

export interface BankProjectView {
  project: { id: string; title: string };
  collateral: { ipAsset: { id: string; type: string }; maxLoan: number }[];
  maxLoan: number;
}

export interface LoanOfferInput {
  projectId: string;
  ipAssetIds: string[];
  principal: number;
  currency: string;
  annualRateBps: number;
  termMonths: number;
  minEquityRaised: number;
  warrant?: { equityPercent: number; holder?: string };
  riskPoolId?: string;
}

export interface VentureDebtView {
  roundRatioBps: number;
  withinPractice: boolean;
}

export interface LoanOfferView {
  id: string;
  status: string;
  maxLoan: number;
  ventureDebt: VentureDebtView;
}

export interface InstalmentView {
  seq: number;
  dueAt: string;
  principal: number;
  interest: number;
  amount: number;
  status: string;
}

export interface LoanView {
  id: string;
  status: string;
  principal: number;
  currency: string;
  annualRateBps: number;
  termMonths: number;
  warrant: { equityBps: number; holder: string } | null;
  outstandingPrincipal: number;
  schedule: InstalmentView[];
  collateral: { ipAssetId: string; released: boolean }[];
}

export interface RiskPoolInput {
  name: string;
  sponsor: string;
  currency: string;
  balance: number;
  coverageBps: number;
  perLoanCap: number;
}

export interface ClaimView {
  unrecoveredPrincipal: number;
  compensation: number;
  currency: string;
  loanStatus: string;
}

const percent = (bps: number): string => `${(bps / 100).toFixed(2)}%`;

/** The IP asset reaches loan-linkage by event, so the appraiser may be a moment early. */
export function valueAsset(
  client: MarketplaceClient,
  appraiser: Actor,
  asset: IpAssetView,
  valuation: ValuationInput,
): Promise<{ id: string }> {
  return client.send<{ id: string }>({
    by: appraiser,
    does: `values the ${asset.type.toLowerCase().replace(/_/g, ' ')} "${asset.title}" at ${formatMoney(valuation.value, valuation.currency)} (${valuation.method} method)`,
    method: 'POST',
    path: `/v1/ip-assets/${asset.id}/valuations`,
    body: valuation,
    expect: 201,
    retryOn: ['IP_ASSET_NOT_FOUND'],
    tells: (answer) => `valuation ${answer.id}, valid until ${valuation.validUntil.slice(0, 10)}`,
  });
}

/** Whether the asset backs an active loan (or offer): ENCUMBERED, or FREE for a new one. */
export function lienOn(client: MarketplaceClient, viewer: Actor, asset: IpAssetView): Promise<{ lienStatus: string }> {
  return client.send<{ lienStatus: string }>({
    by: viewer,
    does: `checks the lien on "${asset.title}"`,
    method: 'GET',
    path: `/v1/ip-assets/${asset.id}`,
    expect: 200,
    tells: (answer) => answer.lienStatus,
  });
}

/** Banks see projects with valued, free collateral: aggregates only, never who pledged. */
export function bankView(
  client: MarketplaceClient,
  bank: Actor,
  project: ProjectView,
  valuedAssets: number,
): Promise<BankProjectView> {
  const found = (page: { items: BankProjectView[] }) => page.items.find((item) => item.project.id === project.id);
  return client
    .send<{ items: BankProjectView[] }>({
      by: bank,
      does: `looks for "${project.title}" among projects with IP collateral`,
      method: 'GET',
      path: `/v1/bank/projects?q=${encodeURIComponent(project.title)}`,
      expect: 200,
      until: (page) => found(page)?.collateral.length === valuedAssets,
      tells: (page) => {
        const view = found(page)!;
        return `${view.collateral.length} valued assets, loans up to ${formatMoney(view.maxLoan, project.currency)}`;
      },
    })
    .then((page) => found(page)!);
}

export function offerLoan(client: MarketplaceClient, bank: Actor, offer: LoanOfferInput): Promise<LoanOfferView> {
  return client.send<LoanOfferView>({
    by: bank,
    does:
      `offers a ${formatMoney(offer.principal, offer.currency)} loan at ${percent(offer.annualRateBps)} over ${offer.termMonths} months, ` +
      `paid out if the round raises ${formatMoney(offer.minEquityRaised, offer.currency)}` +
      (offer.warrant ? `, with a warrant on ${offer.warrant.equityPercent}%` : '') +
      (offer.riskPoolId ? ', enrolled in a risk-compensation pool' : ''),
    method: 'POST',
    path: '/v1/bank/loan-offers',
    body: offer,
    expect: 201,
    tells: (answer) =>
      `${answer.status}; ${percent(answer.ventureDebt.roundRatioBps)} of the round target` +
      ` (${answer.ventureDebt.withinPractice ? 'within' : 'outside'} the 20–40% venture-debt practice)`,
  });
}

export function acceptOffer(
  client: MarketplaceClient,
  founder: Actor,
  offer: LoanOfferView,
): Promise<{ status: string }> {
  return client.send<{ status: string }>({
    by: founder,
    does: 'accepts the loan offer (the collateral is reserved)',
    method: 'POST',
    path: `/v1/loan-offers/${offer.id}/accept`,
    expect: 200,
    tells: (answer) => answer.status,
  });
}

/** A pledge of IP exists once registered (China Civil Code Art 444); no disbursement before. */
export function registerCollateral(
  client: MarketplaceClient,
  bank: Actor,
  loanId: string,
  registrationNumber: string,
): Promise<{ status: string }> {
  return client.send<{ status: string }>({
    by: bank,
    does: `records the registration ${registrationNumber} of the IP pledge`,
    method: 'POST',
    path: `/v1/loans/${loanId}/collateral-registration`,
    body: { registrationNumber, registeredAt: new Date(Date.now() - 60_000).toISOString() },
    expect: 200,
    tells: (answer) => `${answer.status}, collateral registered`,
  });
}

export function loanInStatus(
  client: MarketplaceClient,
  viewer: Actor,
  loanId: string,
  status: string,
): Promise<LoanView> {
  return client.send<LoanView>({
    by: viewer,
    does: `sees the loan ${status}`,
    method: 'GET',
    path: `/v1/loans/${loanId}`,
    expect: 200,
    until: (loan) => loan.status === status,
    tells: (loan) =>
      `${loan.status}, ${formatMoney(loan.outstandingPrincipal, loan.currency)} outstanding, ` +
      `${loan.schedule.length} instalments`,
  });
}

export function createRiskPool(client: MarketplaceClient, admin: Actor, pool: RiskPoolInput): Promise<{ id: string }> {
  return client.send<{ id: string }>({
    by: admin,
    does: `sets up the risk-compensation pool "${pool.name}" (${formatMoney(pool.balance, pool.currency)}, covers ${percent(pool.coverageBps)} of losses)`,
    method: 'POST',
    path: '/v1/admin/risk-pools',
    body: pool,
    expect: 201,
    tells: (answer) => `pool ${answer.id}`,
  });
}

/** Test and demo only (TEST_CLOCK_CONTROL=true): loan-linkage's clock jumps ahead and servicing runs. */
export function advanceLoanClock(client: MarketplaceClient, admin: Actor, days: number): Promise<unknown> {
  return client.send({
    by: admin,
    does: `moves the loan service's clock ${days} days ahead (test clock)`,
    method: 'POST',
    path: '/v1/admin/test-clock',
    body: { advanceDays: days },
    expect: 200,
    tells: (run) => `servicing ran: ${JSON.stringify(run)}`,
  });
}

export function claimCompensation(client: MarketplaceClient, bank: Actor, loanId: string): Promise<ClaimView> {
  return client.send<ClaimView>({
    by: bank,
    does: 'claims compensation from the risk pool',
    method: 'POST',
    path: `/v1/loans/${loanId}/claims`,
    expect: 201,
    tells: (claim) =>
      `${formatMoney(claim.compensation, claim.currency)} paid of ${formatMoney(claim.unrecoveredPrincipal, claim.currency)} unrecovered; loan ${claim.loanStatus}`,
  });
}

/** A pool shares a loss once: a second claim is refused. */
export function claimAgain(client: MarketplaceClient, bank: Actor, loanId: string): Promise<{ code: string }> {
  return client.send<{ code: string }>({
    by: bank,
    does: 'claims a second time',
    method: 'POST',
    path: `/v1/loans/${loanId}/claims`,
    expect: 409,
    tells: (refusal) => refusal.code,
  });
}
