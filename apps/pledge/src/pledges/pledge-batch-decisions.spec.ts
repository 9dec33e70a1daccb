import { Money } from '@crowdlink/domain';
import { PledgeDto } from './dto/pledge.dto';
import {
  Decision,
  decideInOrder,
  idempotencyKeyId,
  LockedCampaign,
  LockedState,
  PledgeRequest,
} from './pledge-batch-decisions';
import { EligibilityRow } from './pledge-rows';

const NOW = new Date('2026-11-26T12:00:00Z');
const PROJECT = '018f0000-0000-7000-8000-000000000001';
const ADA = '018f0000-0000-7000-8000-00000000000a';
const BOB = '018f0000-0000-7000-8000-00000000000b';
const CY = '018f0000-0000-7000-8000-00000000000c';

function campaign(overrides: Partial<LockedCampaign> = {}): LockedCampaign {
  return {
    project_id: PROJECT,
    owner_id: null,
    status: 'LIVE',
    kind: 'REWARD',
    jurisdiction: 'US',
    currency: 'USD',
    max_amount: '10000',
    min_pledge: '1000',
    opens_at: new Date('2026-11-01T00:00:00Z'),
    closes_at: new Date('2026-12-31T00:00:00Z'),
    price_per_share: null,
    committed_amount: '0',
    pledge_count: 0,
    investor_count: 0,
    progress_version: 0,
    rewards: [],
    ...overrides,
  };
}

const verified: EligibilityRow = {
  kyc_status: 'VERIFIED',
  accredited: false,
  currency: 'USD',
  annual_income: null,
  net_worth: null,
  financial_assets: null,
  average_annual_income_three_years: null,
  knowledge_test_passed_until: null,
  sophisticated: false,
};

function state(overrides: Partial<LockedState> = {}): LockedState {
  return {
    campaign: campaign(),
    maxInvestors: null,
    eligibility: new Map([ADA, BOB, CY].map((id) => [id, verified])),
    counted: new Set(),
    usage: new Map(),
    priorAnswers: new Map(),
    rewardsTaken: new Map(),
    ...overrides,
  };
}

let sequence = 0;
function pledge(investorId: string, amount: number, key?: string): PledgeRequest {
  sequence += 1;
  return {
    id: `pledge-${sequence}`,
    investorId,
    projectId: PROJECT,
    body: { amount, paymentMethod: 'pm_card_visa' },
    saved: { customerRef: 'cus_x', paymentMethodRef: 'pm_card_visa' },
    ...(key ? { idempotency: { key, hash: `hash-of-${amount}` } } : {}),
  };
}

/** 'ok', the refusal's code, or how an answer is shared. */
const verdicts = (decisions: Decision[]): string[] =>
  decisions.map((decision) => {
    switch (decision.kind) {
      case 'accept':
        return 'ok';
      case 'refuse':
        return decision.refusal.code;
      case 'replay':
        return 'replay';
      case 'same-as':
        return `same-as ${decision.index}`;
    }
  });

describe(decideInOrder.name, () => {
  it('fills the cap in arrival order from the locked total: later pledges that do not fit are CAMPAIGN_FULL', () => {
    const requests = [pledge(ADA, 4_000), pledge(BOB, 4_000), pledge(CY, 4_000), pledge(ADA, 1_000)];
    const decided = decideInOrder(requests, state({ campaign: campaign({ committed_amount: '1000' }) }), NOW);
    expect(verdicts(decided.decisions)).toEqual(['ok', 'ok', 'CAMPAIGN_FULL', 'ok']);
    expect(decided.raised).toBe(9_000);
    const full = decided.decisions[2] as Extract<Decision, { kind: 'refuse' }>;
    expect(full.refusal.details).toEqual({ remaining: 1_000 });
  });

  it('counts each new investor once against the investor limit, and not one already counted', () => {
    const requests = [pledge(ADA, 1_000), pledge(ADA, 1_000), pledge(BOB, 1_000), pledge(CY, 1_000)];
    const decided = decideInOrder(
      requests,
      state({ campaign: campaign({ investor_count: 1 }), maxInvestors: 2, counted: new Set([CY]) }),
      NOW,
    );
    expect(verdicts(decided.decisions)).toEqual(['ok', 'ok', 'INVESTOR_COUNT_LIMIT', 'ok']);
    expect(decided.newInvestors).toEqual([ADA]);
  });

  it('keeps each investor within their 12-month limit across the batch, with what remains', () => {
    const usage = new Map([[ADA, { limit: Money.of(5_000, 'USD'), used: 2_000n }]]);
    const requests = [pledge(ADA, 2_000), pledge(ADA, 2_000), pledge(BOB, 2_000), pledge(ADA, 1_000)];
    const decided = decideInOrder(requests, state({ usage }), NOW);
    expect(verdicts(decided.decisions)).toEqual(['ok', 'INVESTMENT_LIMIT_EXCEEDED', 'ok', 'ok']);
    const refused = decided.decisions[1] as Extract<Decision, { kind: 'refuse' }>;
    expect(refused.refusal.details).toEqual({ remaining: 1_000 });
    expect(decided.usage).toEqual(new Map([[ADA, { limit: Money.of(5_000, 'USD'), used: 5_000n }]]));
  });

  it('gives a limited reward to the first pledges that ask for it, for at least its amount, and only rewards offered', () => {
    const [MUG, POSTER, UNKNOWN] = [
      '018f0000-0000-7000-8000-0000000000a1',
      '018f0000-0000-7000-8000-0000000000a2',
      '018f0000-0000-7000-8000-0000000000a3',
    ];
    const withReward = (investorId: string, amount: number, rewardId: string): PledgeRequest => {
      const request = pledge(investorId, amount);
      return { ...request, body: { ...request.body, rewardId } };
    };
    const rewards = [
      { rewardId: MUG, amount: 1_500, quantity: 2 },
      { rewardId: POSTER, amount: 1_000, quantity: null },
    ];
    const requests = [
      withReward(ADA, 1_500, MUG),
      withReward(BOB, 1_000, MUG),
      withReward(BOB, 2_000, MUG),
      withReward(CY, 1_000, POSTER),
      withReward(CY, 1_000, UNKNOWN),
    ];
    const decided = decideInOrder(
      requests,
      state({ campaign: campaign({ rewards }), rewardsTaken: new Map([[MUG, 1]]) }),
      NOW,
    );
    expect(verdicts(decided.decisions)).toEqual([
      'ok',
      'BELOW_REWARD_AMOUNT',
      'REWARD_SOLD_OUT',
      'ok',
      'REWARD_NOT_FOUND',
    ]);
    expect(decided.raised).toBe(2_500);
  });

  it('counts nothing of a refused pledge', () => {
    const usage = new Map([[ADA, { limit: Money.of(3_000, 'USD'), used: 0n }]]);
    const requests = [pledge(ADA, 4_000), pledge(BOB, 1_000)];
    const decided = decideInOrder(requests, state({ usage, maxInvestors: 1 }), NOW);
    expect(verdicts(decided.decisions)).toEqual(['INVESTMENT_LIMIT_EXCEEDED', 'ok']);
    expect(decided).toMatchObject({ raised: 1_000, newInvestors: [BOB], usage: new Map() });
  });

  it('refuses every pledge into a campaign that is missing or not open, and each one failing its own rule', () => {
    const requests = [pledge(ADA, 1_000), pledge(BOB, 1_000)];
    for (const locked of [undefined, campaign({ status: 'CLOSED' }), campaign({ closes_at: NOW })]) {
      expect(verdicts(decideInOrder(requests, state({ campaign: locked }), NOW).decisions)).toEqual([
        'CAMPAIGN_NOT_OPEN',
        'CAMPAIGN_NOT_OPEN',
      ]);
    }
    const decided = decideInOrder([pledge(ADA, 500), pledge(BOB, 1_000)], state(), NOW);
    expect(verdicts(decided.decisions)).toEqual(['BELOW_MIN_PLEDGE', 'ok']);
  });

  it('answers a key within the batch as the first request with it: replayed if accepted, decided afresh if refused', () => {
    const requests = [
      pledge(ADA, 20_000, 'k1'), // refused: the next one with k1 is decided afresh
      pledge(ADA, 2_000, 'k1'),
      pledge(ADA, 2_000, 'k1'), // same request: the same pledge
      pledge(ADA, 3_000, 'k1'), // another request with a kept key
      pledge(BOB, 2_000, 'k1'), // keys are per investor
    ];
    expect(verdicts(decideInOrder(requests, state(), NOW).decisions)).toEqual([
      'CAMPAIGN_FULL',
      'ok',
      'same-as 1',
      'IDEMPOTENCY_KEY_REUSED',
      'ok',
    ]);
  });

  it('replays a key committed before the batch, and refuses it with another request', () => {
    const answer = { id: 'earlier' } as PledgeDto;
    const priorAnswers = new Map([[idempotencyKeyId(ADA, 'k'), { hash: 'hash-of-2000', answer }]]);
    const decided = decideInOrder(
      [pledge(ADA, 2_000, 'k'), pledge(ADA, 3_000, 'k')],
      state({ priorAnswers, campaign: undefined }),
      NOW,
    );
    expect(decided.decisions).toEqual([
      { kind: 'replay', answer },
      { kind: 'refuse', refusal: expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' }) },
    ]);
  });
});
