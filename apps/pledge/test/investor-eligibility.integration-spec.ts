import { randomUUID } from 'node:crypto';
import { InvestorEligibilityChangedV1 } from '@crowdlink/contracts';
import { createTestWorld, eventually, RunningService, startTestService, TestWorld } from '@crowdlink/testing';
import { Client } from 'pg';
import { investorService } from '../../investor/src/investor.definition';
import { pledgeService } from '../src/pledge.definition';
import { publishFrom } from '../../../test/support/backbone';

/*
 * The pledge service's investor_eligibility projection, fed by the investor service's
 * investor.eligibility-changed events through the real backbone: the latest snapshot wins,
 * whatever order the events arrive in.
 */

let world: TestWorld;
let investor: RunningService;
let pledge: RunningService;

beforeAll(async () => {
  world = await createTestWorld();
  investor = await startTestService(investorService, world);
  pledge = await startTestService(pledgeService, world);
});

afterAll(async () => {
  await pledge?.close();
  await investor?.close();
});

function snapshot(userId: string, version: number, overrides: Partial<InvestorEligibilityChangedV1> = {}) {
  return {
    userId,
    kycStatus: 'PENDING' as const,
    accredited: false,
    currency: 'EUR',
    annualIncome: 50_000_00,
    netWorth: 200_000_00,
    financialAssets: null,
    averageAnnualIncomeThreeYears: null,
    knowledgeTestPassedUntil: null,
    sophisticated: false,
    lossSimulationAcknowledgedAt: null,
    version,
    ...overrides,
  };
}

async function publish(payload: InvestorEligibilityChangedV1): Promise<void> {
  await publishFrom(investor, 'investor.eligibility-changed', payload.userId, payload.version, payload);
}

async function rowOf(userId: string): Promise<Record<string, unknown> | undefined> {
  const client = new Client({ connectionString: world.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT version, kyc_status, sophisticated, net_worth::int AS net_worth,
              to_char(knowledge_test_passed_until AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS knowledge_test_passed_until
         FROM pledge.investor_eligibility WHERE user_id = $1`,
      [userId],
    );
    return rows[0] as Record<string, unknown> | undefined;
  } finally {
    await client.end();
  }
}

it('keeps the latest snapshot and ignores an older one that arrives after it', async () => {
  const userId = randomUUID();
  await publish(
    snapshot(userId, 3, {
      kycStatus: 'VERIFIED',
      sophisticated: true,
      knowledgeTestPassedUntil: '2028-03-01T00:00:00.000Z',
    }),
  );
  await eventually(async () => expect((await rowOf(userId))?.version).toBe(3));

  await publish(snapshot(userId, 2, { kycStatus: 'PENDING', netWorth: 1 }));
  await publish(snapshot(userId, 4, { kycStatus: 'VERIFIED', sophisticated: true, netWorth: 300_000_00 }));
  await eventually(async () => expect((await rowOf(userId))?.version).toBe(4));
  expect(await rowOf(userId)).toEqual({
    version: 4,
    kyc_status: 'VERIFIED',
    sophisticated: true,
    net_worth: 300_000_00,
    knowledge_test_passed_until: null,
  });
});
