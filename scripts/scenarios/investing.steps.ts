import { randomUUID } from 'node:crypto';
import { register } from './identity.steps';
import { MarketplaceClient } from './marketplace-client';
import { formatMoney } from './money-format';
import { ProjectView } from './listing.steps';
import { Actor } from './scenario-report';
import { ScenarioContext } from './scenario-context';

export interface Finances {
  country: string;
  currency: string;
  annualIncome: number;
  netWorth: number;
  selfCertifiedAccredited: boolean;
  /** CN qualified-investor inputs (addition to api.md); left out elsewhere. */
  financialAssets?: number;
}

export interface LimitView {
  jurisdiction: string;
  currency: string;
  limit: number | null;
  usedLast12Months: number;
  remaining: number | null;
}

export interface PledgeView {
  id: string;
  projectId: string;
  status: string;
  amount: number;
  currency: string;
  shares?: number;
  cancellableUntil: string | null;
}

export interface HoldingView {
  projectId: string;
  shares: number;
  shareClass: string;
  amountInvested: number;
}

export interface InvestorPersona {
  name: string;
  finances: Finances;
  /** What they look for (sectors, regions, kinds), for matching. */
  interests: { sectors: string[]; regions: string[]; kinds: string[] };
}

/**
 * An investor registers, fills in their profile (which sends it to KYC) and an admin
 * verifies them. The investor record is made from the registration event, so the first
 * PUT may come a moment early.
 */
export async function verifiedInvestor(
  { client, runTag }: ScenarioContext,
  admin: Actor,
  persona: InvestorPersona,
): Promise<Actor> {
  const { finances } = persona;
  const investor = await register(client, { name: persona.name, role: 'investor' }, runTag);
  await client.send<{ kycStatus: string }>({
    by: investor,
    does: `fills in their profile: income ${formatMoney(finances.annualIncome, finances.currency)} and net worth ${formatMoney(finances.netWorth, finances.currency)}${finances.selfCertifiedAccredited ? ', accredited' : ''}`,
    method: 'PUT',
    path: '/v1/investors/me',
    body: {
      type: 'INDIVIDUAL',
      displayName: investor.name,
      ...finances,
      preferences: { ...persona.interests, stages: ['SEED', 'EARLY'], ticketMin: 10_000, ticketMax: 5_000_000 },
      discoverable: true,
    },
    expect: 200,
    retryOn: ['INVESTOR_NOT_FOUND'],
    tells: (profile) => `KYC ${profile.kycStatus}`,
  });
  await client.send<{ kycStatus: string }>({
    by: admin,
    does: `verifies ${investor.name}'s identity (KYC)`,
    method: 'POST',
    path: `/v1/admin/investors/${investor.id}/kyc`,
    body: { decision: 'verify', notes: 'Passport and proof of address checked.' },
    expect: 200,
    tells: (profile) => `KYC ${profile.kycStatus}`,
  });
  return investor;
}

export async function limitIn(
  client: MarketplaceClient,
  investor: Actor,
  jurisdiction: string,
): Promise<LimitView | undefined> {
  const limits = await client.send<{ items: LimitView[] }>({
    by: investor,
    does: 'reads their investment limits',
    method: 'GET',
    path: '/v1/investors/me/limits',
    expect: 200,
    tells: (answer) => {
      const limit = answer.items.find((item) => item.jurisdiction === jurisdiction);
      if (!limit) return `no ${jurisdiction} limit shown`;
      if (limit.limit === null) return `${jurisdiction}: no limit`;
      return `${jurisdiction}: ${formatMoney(limit.limit, limit.currency)} a year, ${formatMoney(limit.remaining ?? 0, limit.currency)} left`;
    },
  });
  return limits.items.find((item) => item.jurisdiction === jurisdiction);
}

/**
 * A pledge with its own Idempotency-Key. The pledge service learns of the project's opening
 * and of the KYC decision by events, so a pledge made the moment after may be refused as
 * "not yet" and is then made again (a refusal stores nothing, not even the key).
 */
export function pledge(
  client: MarketplaceClient,
  investor: Actor,
  project: ProjectView,
  amount: number,
  paymentMethod: string,
): Promise<PledgeView> {
  return client.send<PledgeView>({
    by: investor,
    does: `pledges ${formatMoney(amount, project.currency)} to "${project.title}" with card ${paymentMethod}`,
    method: 'POST',
    path: `/v1/projects/${project.id}/pledges`,
    body: { amount, paymentMethod },
    headers: { 'Idempotency-Key': randomUUID() },
    expect: 201,
    retryOn: ['CAMPAIGN_NOT_OPEN', 'KYC_REQUIRED'],
    tells: (answer) =>
      `${answer.status}${answer.shares === undefined ? '' : `, ${answer.shares.toLocaleString('en-US')} shares`}` +
      (answer.cancellableUntil ? `, cancellable until ${answer.cancellableUntil.slice(0, 10)}` : ''),
  });
}

export function pledgeInStatus(
  client: MarketplaceClient,
  investor: Actor,
  pledgeId: string,
  status: string,
  timeoutMs?: number,
): Promise<PledgeView> {
  return client.send<PledgeView>({
    by: investor,
    does: `sees their pledge ${status}`,
    method: 'GET',
    path: `/v1/pledges/${pledgeId}`,
    expect: 200,
    until: (view) => view.status === status,
    timeoutMs,
    tells: (view) => `${view.status}, ${formatMoney(view.amount, view.currency)}`,
  });
}

export async function portfolioOf(client: MarketplaceClient, investor: Actor): Promise<HoldingView[]> {
  const page = await client.send<{ items: HoldingView[] }>({
    by: investor,
    does: 'opens their portfolio',
    method: 'GET',
    path: '/v1/investors/me/portfolio',
    expect: 200,
    tells: (page) =>
      page.items
        .map((holding) => `${holding.shares.toLocaleString('en-US')} ${holding.shareClass} shares`)
        .join('; ') || 'empty',
  });
  return page.items;
}
