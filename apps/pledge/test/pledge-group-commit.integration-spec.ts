import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Clock, CLOCK } from '@crowdlink/domain';
import { runThenCommit, SqlParams, withParts } from '@crowdlink/platform';
import { RunningService, startTestService, TestWorld } from '@crowdlink/testing';
import { DataSource } from 'typeorm';
import { Actor, Answer } from '../../../test/support/api-client';
import { queryWorld } from '../../../test/support/backbone';
import { pledgeService } from '../src/pledge.definition';
import { CampaignAdmission, progressAfter } from '../src/pledges/campaign-admission';
import { investor, liveCampaign, PledgeHarness, postPledge, startPledgeHarness } from './pledge.harness';

/*
 * Group commit against the real database and Redis: concurrent pledges into one campaign are
 * committed together in few transactions, and still each gets exactly the answer it would
 * have got alone, with two pledge services (two processes' worth of batchers) taking pledges
 * into the same campaign at once.
 */

let h: PledgeHarness;
let world: TestWorld;
let second: RunningService;

beforeAll(async () => {
  h = await startPledgeHarness();
  world = h.world;
  second = await startTestService(pledgeService, world);
}, 60_000);

afterAll(async () => {
  await second?.close();
  await h?.close();
});

const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => queryWorld<T>(world, sql, params);

type PledgeAnswer = Answer<{ id: string; code?: string }>;

const pledgeOn = (
  service: RunningService,
  projectId: string,
  actor: Actor,
  amount: number,
  headers: Record<string, string> = {},
): Promise<PledgeAnswer> => postPledge(service, projectId, actor, { amount }, headers);

const outcomeOf = (answer: PledgeAnswer): string => (answer.status === 201 ? 'ok' : answer.body.code!);

describe('group commit of pledges into one campaign', () => {
  it('answers a mixed burst through two services exactly: the cap, refusals of their own, one pledge per key', async () => {
    const { projectId } = await liveCampaign(h, { targetAmount: 10_000, maxAmount: 20_000, minPledge: 1_000 });
    const backers = await Promise.all(Array.from({ length: 4 }, () => investor(h)));
    const keyed = { 'Idempotency-Key': `burst-${randomUUID()}` };
    const services = [h.pledge, second];

    const burst = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => pledgeOn(services[i % 2]!, projectId, backers[i % 4]!, 1_000)),
      ...Array.from({ length: 5 }, (_, i) => pledgeOn(services[i % 2]!, projectId, backers[i % 4]!, 500)),
      ...Array.from({ length: 6 }, (_, i) => pledgeOn(services[i % 2]!, projectId, backers[0]!, 1_000, keyed)),
    ]);
    const outcomes = burst.map(outcomeOf);
    const plain = outcomes.slice(0, 30);
    const belowMin = outcomes.slice(30, 35);
    const withKey = burst.slice(35);

    expect(belowMin).toEqual(Array(5).fill('BELOW_MIN_PLEDGE'));
    // one key makes at most one pledge: all six share its answer, or were all refused (the cap only fills)
    const keyedOutcomes = new Set(withKey.map((a) => (a.status === 201 ? a.body.id : a.body.code)));
    expect(keyedOutcomes.size).toBe(1);
    const keyedPledges = withKey[0]!.status === 201 ? 1 : 0;
    expect(plain.filter((o) => o === 'ok')).toHaveLength(20 - keyedPledges);
    expect(plain.filter((o) => o === 'CAMPAIGN_FULL')).toHaveLength(10 + keyedPledges);

    const created = new Set(burst.filter((a) => a.status === 201).map((a) => a.body.id));
    const stored = await query<{ id: string }>('SELECT id FROM pledge.pledges WHERE project_id = $1', [projectId]);
    expect(new Set(stored.map((row) => row.id))).toEqual(created);
    const [campaign] = await query<{ committed: number; pledges: number; investors: number; version: number }>(
      `SELECT committed_amount::int AS committed, pledge_count AS pledges, investor_count AS investors,
              progress_version AS version FROM pledge.campaigns WHERE project_id = $1`,
      [projectId],
    );
    expect(campaign).toMatchObject({ committed: 20_000, pledges: 20, investors: 4 });

    // one campaign.progress per transaction, its versions in order, the last one the final totals
    const progress = await query<{ version: number; raised: number; count: number }>(
      `SELECT aggregate_version::int AS version, (payload->>'raised')::int AS raised,
              (payload->>'pledgeCount')::int AS count
         FROM pledge.outbox WHERE event_type = 'campaign.progress' AND aggregate_id = $1 ORDER BY aggregate_version`,
      [projectId],
    );
    expect(progress.map((p) => p.version)).toEqual(progress.map((_, i) => i + 1));
    expect(progress.length).toBe(campaign!.version);
    expect(progress[progress.length - 1]).toMatchObject({ raised: 20_000, count: 20 });
    const committedEvents = await query(
      `SELECT 1 FROM pledge.outbox WHERE event_type = 'pledge.committed' AND payload->>'projectId' = $1`,
      [projectId],
    );
    expect(committedEvents).toHaveLength(20);
    const [keyRow] = await query<{ status: number }>(
      `SELECT response_status AS status FROM pledge.idempotency_keys WHERE investor_id = $1 AND key = $2`,
      [backers[0]!.id, keyed['Idempotency-Key']],
    );
    // a key is kept only with a pledge
    expect(keyRow?.status).toBe(keyedPledges === 1 ? 201 : undefined);
  }, 120_000);

  it('has the database refuse a batch whose decisions would pass the cap, its COMMIT already sent: nothing of its statement stays', async () => {
    const { projectId } = await liveCampaign(h, { targetAmount: 10_000, maxAmount: 20_000, minPledge: 1_000 });
    const backer = await investor(h);
    const admission = h.pledge.app.get(CampaignAdmission);
    const now = h.pledge.app.get<Clock>(CLOCK).now();
    const runner = h.pledge.app.get<DataSource>(getDataSourceToken()).createQueryRunner();
    await runner.startTransaction();
    const campaign = (await admission.lock(runner.manager, projectId))!;
    // as if the decisions had let 25,000 into a cap of 20,000
    const admitted = { raised: 25_000, pledges: 1, newInvestors: [backer.id], maxInvestors: null };
    const params = new SqlParams();
    const parts = admission.admitParts(params, campaign, admitted, now);
    const check = admission.admittedCheck(params, campaign, progressAfter(campaign, admitted));

    const wrongBatch = runThenCommit(runner, withParts(parts, check), params.values);

    await expect(wrongBatch).rejects.toThrow(`would pass the limits of campaign ${projectId}`);
    expect(runner.isTransactionActive).toBe(false);
    await runner.release();
    const [counters] = await query<{ committed: number; pledges: number; investors: number }>(
      `SELECT committed_amount::int AS committed, pledge_count AS pledges, investor_count AS investors
         FROM pledge.campaigns WHERE project_id = $1`,
      [projectId],
    );
    expect(counters).toEqual({ committed: 0, pledges: 0, investors: 0 });
    // the investor the same statement added is gone with it
    expect(await query('SELECT 1 FROM pledge.campaign_investors WHERE project_id = $1', [projectId])).toHaveLength(0);
  });
});
