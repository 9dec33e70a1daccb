import { randomBytes } from 'node:crypto';
import { createTestWorld, eventually } from '@crowdlink/testing';
import {
  FundedRound,
  fundedRoundSummary,
  INVESTORS,
  LOAN,
  playFundedRound,
  ROUND,
} from '../../scripts/scenarios/funded-round.scenario';
import { CN_ROUND } from '../../scripts/scenarios/cn-linked-round';
import { FAILED_ROUND_CAST, FailedRound, playFailedRound } from '../../scripts/scenarios/failed-round.scenario';
import { LoanDefault, playLoanDefault, RISK_POOL } from '../../scripts/scenarios/loan-default.scenario';
import { DEFAULT_ADMIN_CREDENTIALS } from '../../scripts/scenarios/identity.steps';
import { MarketplaceClient } from '../../scripts/scenarios/marketplace-client';
import { Actor } from '../../scripts/scenarios/scenario-report';
import { ScenarioContext } from '../../scripts/scenarios/scenario-context';
import { call } from '../support/api-client';
import { buildOnce, launchMarketplace, LaunchedMarketplace } from '../support/marketplace-launcher';

/*
 * One marketplace end to end: the five processes started as `npm start` starts them, driven
 * only through the gateway's public API by the same scenarios `npm run demo` plays.
 */

/** The platform's fee when PLATFORM_FEE_BPS is left at its default. */
const PLATFORM_FEE_BPS = 500;

let marketplace: LaunchedMarketplace;
let client: MarketplaceClient;

/** Each scenario plays with its own people and companies. */
function freshContext(): ScenarioContext {
  return { client, adminCredentials: DEFAULT_ADMIN_CREDENTIALS, runTag: randomBytes(4).toString('hex') };
}

beforeAll(async () => {
  await buildOnce();
  const world = await createTestWorld();
  marketplace = await launchMarketplace(world, { TEST_CLOCK_CONTROL: 'true' });
  client = new MarketplaceClient(marketplace.url, () => undefined);
}, 300_000);

afterAll(async () => {
  await marketplace?.stop();
});

/** A read for a check of its own, outside the scenario's transcript. */
async function read<T>(path: string, actor: Actor): Promise<T> {
  const answer = await call<T>(marketplace, 'GET', path, { token: actor.token });
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.text}`);
  return answer.body;
}

describe('scenario 1: a funded equity round (US)', () => {
  let round: FundedRound;
  const [ada, ben, chloe] = INVESTORS.map((part) => part.amount);
  const raised = ben + chloe;
  const fee = (raised * PLATFORM_FEE_BPS) / 10_000;

  beforeAll(async () => {
    round = await playFundedRound(freshContext());
  }, 240_000);

  it('lists the project with its patent and trademark, reviewed and LIVE', () => {
    expect(round.project.status).toBe('LIVE');
    expect(round.project.ipAssets.map((asset) => asset.type).sort()).toEqual(['INVENTION_PATENT', 'TRADEMARK']);
  });

  it('gives each investor the Reg CF limit of their band: $4,000, $20,000, none when accredited', () => {
    expect(round.investors.map(({ limit }) => limit?.limit)).toEqual([400_000, 2_000_000, null]);
  });

  it('takes every pledge as COMMITTED, in whole shares at the round price', () => {
    expect(round.investors.map(({ committed }) => [committed.status, committed.amount, committed.shares])).toEqual(
      INVESTORS.map(({ amount }) => ['COMMITTED', amount, amount / ROUND.pricePerShare]),
    );
  });

  it('charges the good cards and fails the declined one at the close', () => {
    expect(round.investors.map(({ settled }) => settled.status)).toEqual(['PAYMENT_FAILED', 'CHARGED', 'CHARGED']);
  });

  it('settles the round FUNDED: charged total, 5% platform fee, the rest paid out', () => {
    expect(round.settlement).toMatchObject({
      status: 'FUNDED',
      charged: { count: 2, amount: raised },
      failed: { count: 1, amount: ada },
      platformFee: fee,
      payout: raised - fee,
    });
    expect(round.funded.status).toBe('FUNDED');
  });

  it('writes the charged investors on the cap table, with the bank’s warrant as an option', () => {
    const [, benActor, chloeActor] = round.investors.map(({ actor }) => actor);
    expect(round.capTable.holders.map(({ investorId, shares, amount }) => ({ investorId, shares, amount }))).toEqual(
      expect.arrayContaining([
        { investorId: benActor.id, shares: ben / ROUND.pricePerShare, amount: ben },
        { investorId: chloeActor.id, shares: chloe / ROUND.pricePerShare, amount: chloe },
      ]),
    );
    expect(round.capTable).toMatchObject({
      shareClass: ROUND.shareClass,
      totalShares: raised / ROUND.pricePerShare,
      postMoneyValuation: ROUND.preMoneyValuation + raised,
      options: [
        { holder: LOAN.warrantHolder, equityPercent: LOAN.warrantPercent, source: 'WARRANT', loanId: round.offer.id },
      ],
    });
  });

  it('shows each investor the shares they hold, and none to the one whose card was declined', () => {
    expect(
      round.investors.map(({ portfolio }) => portfolio.map(({ shares, amountInvested }) => [shares, amountInvested])),
    ).toEqual([[], [[ben / ROUND.pricePerShare, ben]], [[chloe / ROUND.pricePerShare, chloe]]]);
  });

  it('no longer counts the failed pledge against its investor’s 12-month limit', async () => {
    const usedInUs = async (actor: Actor) => {
      const { items } = await read<{ items: { jurisdiction: string; usedLast12Months: number }[] }>(
        '/v1/investors/me/limits',
        actor,
      );
      return items.find((item) => item.jurisdiction === 'US')?.usedLast12Months;
    };
    const [adaActor, benActor, chloeActor] = round.investors.map(({ actor }) => actor);
    await eventually(async () => expect(await usedInUs(adaActor)).toBe(0));
    expect([await usedInUs(benActor), await usedInUs(chloeActor)]).toEqual([ben, chloe]);
  });

  it('disburses the linked loan with its amortising schedule, collateral still pledged', () => {
    const { loan } = round;
    expect(loan).toMatchObject({
      status: 'DISBURSED',
      principal: LOAN.principal,
      outstandingPrincipal: LOAN.principal,
    });
    expect(loan.schedule).toHaveLength(LOAN.termMonths);
    expect(loan.schedule.reduce((sum, instalment) => sum + instalment.principal, 0)).toBe(LOAN.principal);
    expect(loan.collateral.map(({ released }) => released)).toEqual([false, false]);
    expect(round.offer.ventureDebt.withinPractice).toBe(true);
  });

  it('tells every party what happened to them', () => {
    const types = (items: { type: string }[]) => items.map(({ type }) => type);
    expect(types(round.investors[0].notifications)).toEqual(
      expect.arrayContaining(['PLEDGE_CONFIRMED', 'PAYMENT_FAILED']),
    );
    expect(types(round.investors[1].notifications)).toEqual(
      expect.arrayContaining(['PLEDGE_CHARGED', 'SHARES_ISSUED']),
    );
    expect(types(round.founderNotifications)).toEqual(expect.arrayContaining(['CAMPAIGN_FUNDED', 'LOAN_DISBURSED']));
    expect(types(round.bankNotifications)).toEqual(expect.arrayContaining(['LOAN_ACCEPTED', 'LOAN_DISBURSED']));
  });

  it('keeps the ledger balanced', () => {
    expect(round.ledger.balanced).toBe(true);
    for (const { debits, credits } of round.ledger.currencies) expect(debits).toBe(credits);
    expect(round.ledger.currencies.map(({ currency }) => currency)).toContain('USD');
  });

  it('sums the round up for the demo in the figures above', () => {
    expect(Object.fromEntries(fundedRoundSummary(round))).toMatchObject({
      Raised: '$45,000.00 from 2 investors',
      'Platform fee': '$2,250.00',
      'Payout to the startup': '$42,750.00',
      'Shares issued': '18,000 Common at $2.50',
      Warrant: `1.5% to ${LOAN.warrantHolder}`,
      Ledger: 'balanced',
    });
  });
});

describe('scenario 2: a failed round (CN) releases every pledge and lapses the linked loan', () => {
  let round: FailedRound;
  const pledged = FAILED_ROUND_CAST.investors.reduce((sum, { amount }) => sum + amount, 0);

  beforeAll(async () => {
    round = await playFailedRound(freshContext());
  }, 240_000);

  it('closes below target as FAILED: nothing charged, no fee, no payout', () => {
    expect(pledged).toBeLessThan(CN_ROUND.targetAmount);
    expect(round.settlement).toMatchObject({
      status: 'FAILED',
      charged: { count: 0, amount: 0 },
      released: { count: FAILED_ROUND_CAST.investors.length, amount: pledged },
      platformFee: 0,
      payout: 0,
    });
    expect(round.failed.status).toBe('FAILED');
  });

  it('releases every pledge and tells its investor', () => {
    expect(round.released.map(({ status }) => status)).toEqual(['RELEASED', 'RELEASED']);
    for (const notifications of round.investorNotifications) {
      expect(notifications.map(({ type }) => type)).toContain('PLEDGE_RELEASED');
    }
  });

  it('lapses the accepted loan and frees its collateral for a new offer', () => {
    expect(round.loan.status).toBe('LAPSED');
    expect(round.loan.collateral.map(({ released }) => released)).toEqual([true]);
    expect(round.collateral.lienStatus).toBe('FREE');
    expect(round.founderNotifications.map(({ type }) => type)).toEqual(
      expect.arrayContaining(['CAMPAIGN_FAILED', 'LOAN_LAPSED']),
    );
  });
});

// last: it moves loan-linkage's clock months ahead for the whole marketplace
describe('scenario 3: a defaulted loan enrolled in a risk pool', () => {
  let story: LoanDefault;

  beforeAll(async () => {
    story = await playLoanDefault(freshContext());
  }, 240_000);

  it('disburses the enrolled loan with its round', () => {
    expect(story.disbursed).toMatchObject({ status: 'DISBURSED', principal: CN_ROUND.loanPrincipal });
  });

  it('defaults the loan once an instalment is 90 days overdue', () => {
    expect(story.defaulted.status).toBe('DEFAULTED');
    expect(story.defaulted.schedule.filter(({ status }) => status === 'OVERDUE').length).toBeGreaterThan(0);
  });

  it('pays the pool’s share of the unrecovered principal to the bank, once', () => {
    expect(story.claim).toMatchObject({
      unrecoveredPrincipal: CN_ROUND.loanPrincipal,
      compensation: (CN_ROUND.loanPrincipal * RISK_POOL.coverageBps) / 10_000,
      currency: 'CNY',
    });
    expect(story.secondClaim.code).toBe('CLAIM_ALREADY_PAID');
    expect(story.compensated.status).toBe('COMPENSATED');
    expect(story.bankNotifications.map(({ type }) => type)).toEqual(
      expect.arrayContaining(['LOAN_DEFAULTED', 'COMPENSATION_PAID']),
    );
  });
});
