import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ProjectLiveV1, WarrantGrantedV1 } from '@crowdlink/contracts';
import { eventually, RunningService, startTestService } from '@crowdlink/testing';
import { DataSource } from 'typeorm';
import { Actor, Answer, call, expectError, loginAdmin, registerActor } from '../../../test/support/api-client';
import { publishFrom } from '../../../test/support/backbone';
import { loanLinkageService } from '../../loan-linkage/src/loan-linkage.definition';
import { CapTable } from '../src/cap-table/cap-table';
import { CapTableDto } from '../src/cap-table/dto/cap-table.dto';
import { PortfolioPageDto } from '../src/cap-table/dto/portfolio.dto';
import { investor, liveCampaign, PledgeHarness, pledgeThroughApi, query, startPledgeHarness } from './pledge.harness';

/*
 * The cap table against the real services: shares issued once at FUNDED from the charged
 * pledges, shown to the project's owner and admins, each investor's portfolio, and the
 * options a warrant loan grants, delivered by loan-linkage's warrant.granted.
 */

let h: PledgeHarness;
let loanLinkage: RunningService;
let admin: Actor;

beforeAll(async () => {
  h = await startPledgeHarness();
  loanLinkage = await startTestService(loanLinkageService, h.world);
  admin = await loginAdmin(h.gateway);
}, 60_000);

afterAll(async () => {
  await loanLinkage?.close();
  await h?.close();
});

const issuedAt = new Date('2026-07-01T00:00:00.000Z');

function equityCampaign(ownerId: string, overrides: Partial<ProjectLiveV1> = {}): Promise<ProjectLiveV1> {
  return liveCampaign(h, {
    ownerId,
    kind: 'EQUITY',
    fundingModel: 'ALL_OR_NOTHING',
    equity: { pricePerShare: 100, preMoneyValuation: 5_000_000_00, shareClass: 'Seed Preferred' },
    ...overrides,
  });
}

async function pledge(projectId: string, actor: Actor, amount: number): Promise<string> {
  return (await pledgeThroughApi(h, projectId, actor, amount)).id;
}

/** Stands in for the settlement's charge, which is not what these specs are about. */
async function markCharged(...pledgeIds: string[]): Promise<void> {
  await query(
    h,
    `UPDATE pledge.pledges SET status = 'CHARGED', charge_ref = 'ch_test_' || id WHERE id = ANY($1::uuid[])`,
    [pledgeIds],
  );
}

function issueShares(projectId: string): Promise<boolean> {
  return h.pledge.app
    .get<DataSource>(getDataSourceToken())
    .transaction((manager) => h.pledge.app.get(CapTable).issueShares(manager, projectId, issuedAt));
}

function capTable(projectId: string, actor?: Actor): Promise<Answer<CapTableDto>> {
  return call<CapTableDto>(h.pledge, 'GET', `/v1/projects/${projectId}/cap-table`, { token: actor?.token });
}

function portfolio(actor: Actor, params = ''): Promise<Answer<PortfolioPageDto>> {
  return call<PortfolioPageDto>(h.pledge, 'GET', `/v1/investors/me/portfolio${params}`, { token: actor.token });
}

function sharesIssuedEvents(projectId: string): Promise<{ aggregate_version: number; payload: unknown }[]> {
  return query(
    h,
    `SELECT aggregate_version::int AS aggregate_version, payload FROM pledge.outbox WHERE event_type = 'shares.issued' AND aggregate_id = $1`,
    [projectId],
  );
}

describe('CapTable.issueShares', () => {
  it('writes one holding per investor from the charged pledges only, once, and publishes shares.issued once', async () => {
    const founder = await registerActor(h.gateway, 'founder');
    const { projectId } = await equityCampaign(founder.id);
    const [ada, bob, cyd] = [await investor(h), await investor(h), await investor(h)];
    const charged = [await pledge(projectId, ada, 5_000), await pledge(projectId, ada, 3_000)];
    charged.push(await pledge(projectId, bob, 2_000));
    await pledge(projectId, cyd, 1_000);
    await markCharged(...charged);

    expect(await issueShares(projectId)).toBe(true);
    expect(await issueShares(projectId)).toBe(false);

    const holdings = await query(
      h,
      `SELECT investor_id, share_class, shares::int AS shares, amount_invested::int AS amount_invested
         FROM pledge.holdings WHERE project_id = $1 ORDER BY shares DESC`,
      [projectId],
    );
    expect(holdings).toEqual([
      { investor_id: ada.id, share_class: 'Seed Preferred', shares: 80, amount_invested: 8_000 },
      { investor_id: bob.id, share_class: 'Seed Preferred', shares: 20, amount_invested: 2_000 },
    ]);
    const events = await sharesIssuedEvents(projectId);
    expect(events).toHaveLength(1);
    expect(events[0].aggregate_version).toBe(1);
    expect(events[0].payload).toEqual({
      projectId,
      shareClass: 'Seed Preferred',
      currency: 'USD',
      pricePerShare: 100,
      holdings: expect.arrayContaining([
        { investorId: ada.id, shares: 80, amount: 8_000 },
        { investorId: bob.id, shares: 20, amount: 2_000 },
      ]) as unknown,
    });
  });

  it('issues once when two closes race', async () => {
    const { projectId } = await equityCampaign(randomUUID());
    const ada = await investor(h);
    await markCharged(await pledge(projectId, ada, 4_000));

    const outcomes = await Promise.all([issueShares(projectId), issueShares(projectId)]);

    expect(outcomes.sort()).toEqual([false, true]);
    expect(await query(h, 'SELECT 1 FROM pledge.holdings WHERE project_id = $1', [projectId])).toHaveLength(1);
    expect(await sharesIssuedEvents(projectId)).toHaveLength(1);
  });

  it('issues nothing for a campaign that is not EQUITY, or has no charged pledge', async () => {
    const { projectId: rewards } = await liveCampaign(h);
    const ada = await investor(h);
    await markCharged(await pledge(rewards, ada, 4_000));
    const { projectId: uncharged } = await equityCampaign(randomUUID());
    await pledge(uncharged, ada, 4_000);

    expect(await issueShares(rewards)).toBe(false);
    expect(await issueShares(uncharged)).toBe(false);
    expect(await issueShares(randomUUID())).toBe(false);

    const written = await query(h, 'SELECT 1 FROM pledge.holdings WHERE project_id = ANY($1::uuid[])', [
      [rewards, uncharged],
    ]);
    expect(written).toEqual([]);
  });
});

describe('GET /v1/projects/:id/cap-table', () => {
  it('shows the owner and admins the holders, totals and valuations; refuses everyone else', async () => {
    const founder = await registerActor(h.gateway, 'founder');
    const { projectId } = await equityCampaign(founder.id);
    const [ada, bob] = [await investor(h), await investor(h)];
    await markCharged(await pledge(projectId, bob, 1_500), await pledge(projectId, ada, 6_000));
    expect((await capTable(projectId, founder)).body.holders).toEqual([]);
    await issueShares(projectId);
    await eventually(async () => {
      const named = await query(h, 'SELECT 1 FROM pledge.investor_names WHERE user_id = ANY($1::uuid[])', [
        [ada.id, bob.id],
      ]);
      expect(named).toHaveLength(2);
    });

    const answer = await capTable(projectId, founder);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      projectId,
      shareClass: 'Seed Preferred',
      pricePerShare: 100,
      currency: 'USD',
      holders: [
        { investorId: ada.id, displayName: 'A investor', shares: 60, amount: 6_000 },
        { investorId: bob.id, displayName: 'A investor', shares: 15, amount: 1_500 },
      ],
      options: [],
      totalShares: 75,
      raised: 7_500,
      preMoneyValuation: 5_000_000_00,
      postMoneyValuation: 5_000_075_00,
    });
    expect(await capTable(projectId, admin)).toMatchObject({ status: 200, body: answer.body });

    expectError(await capTable(projectId, await registerActor(h.gateway, 'founder')), 403, 'NOT_PROJECT_OWNER');
    expectError(await capTable(projectId, ada), 403, 'FORBIDDEN');
    expectError(await capTable(randomUUID(), admin), 404, 'PROJECT_NOT_FOUND');
    expectError(await capTable('not-a-uuid', admin), 400, 'VALIDATION_FAILED');
    expect((await capTable(projectId)).status).toBe(401);
  });

  it('shows a warrant loan’s option once, however often warrant.granted is delivered', async () => {
    const founder = await registerActor(h.gateway, 'founder');
    const { projectId } = await equityCampaign(founder.id);
    const grant: WarrantGrantedV1 = {
      loanId: randomUUID(),
      projectId,
      holder: 'Bank of Testing',
      holderOrganizationId: randomUUID(),
      equityBps: 250,
      grantedAt: '2026-06-15T00:00:00.000Z',
    };

    const option = { holder: 'Bank of Testing', equityPercent: 2.5, source: 'WARRANT', loanId: grant.loanId };
    await publishFrom(loanLinkage, 'warrant.granted', grant.loanId, 1, grant);
    await eventually(async () => expect((await capTable(projectId, founder)).body.options).toEqual([option]));

    await publishFrom(loanLinkage, 'warrant.granted', grant.loanId, 1, { ...grant, equityBps: 900 });
    await eventually(async () =>
      expect(await query(h, 'SELECT 1 FROM pledge.inbox WHERE event_type = $1', ['warrant.granted'])).toHaveLength(2),
    );
    expect((await capTable(projectId, founder)).body.options).toEqual([option]);
    expect(await query(h, 'SELECT 1 FROM pledge.warrant_options WHERE loan_id = $1', [grant.loanId])).toHaveLength(1);
  });
});

describe('GET /v1/investors/me/portfolio', () => {
  it('lists the investor’s own holdings, newest first, a page at a time', async () => {
    const ada = await investor(h);
    const bob = await investor(h);
    const first = await equityCampaign(randomUUID(), { title: 'Quiet heat pumps' });
    const second = await equityCampaign(randomUUID(), { title: 'Tidal batteries', currency: 'USD' });
    await markCharged(await pledge(first.projectId, ada, 2_000), await pledge(first.projectId, bob, 1_000));
    await issueShares(first.projectId);
    await markCharged(await pledge(second.projectId, ada, 3_000));
    await issueShares(second.projectId);

    const page1 = await portfolio(ada, '?limit=1');
    expect(page1.status).toBe(200);
    expect(page1.body.items).toEqual([
      {
        projectId: second.projectId,
        projectTitle: 'Tidal batteries',
        shares: 30,
        shareClass: 'Seed Preferred',
        amountInvested: 3_000,
        currency: 'USD',
      },
    ]);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await portfolio(ada, `?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body).toEqual({
      items: [expect.objectContaining({ projectId: first.projectId, projectTitle: 'Quiet heat pumps', shares: 20 })],
      nextCursor: null,
    });

    expect((await portfolio(bob)).body.items.map((item) => item.shares)).toEqual([10]);
    expect((await portfolio(await investor(h))).body).toEqual({ items: [], nextCursor: null });
    expectError(await portfolio(ada, '?limit=0'), 400, 'VALIDATION_FAILED');
    expectError(await portfolio(ada, '?cursor=bm90LWFuLWlk'), 400, 'INVALID_CURSOR');
    expectError(await portfolio(await registerActor(h.gateway, 'founder')), 403, 'FORBIDDEN');
  });
});
