import { randomBytes, randomUUID } from 'node:crypto';
import { EventPayload, ProjectSnapshotV1 } from '@crowdlink/contracts';
import { eventually, RunningService, startTestService } from '@crowdlink/testing';
import { projectListingService } from '../../project-listing/src/project-listing.definition';
import { closingFigures, publishFrom } from '../../../test/support/backbone';
import {
  approvedProject,
  createCompany,
  Harness as ListingHarness,
  projectBody,
} from '../../project-listing/test/project-listing.harness';
import {
  Actor,
  call,
  DAY_MS,
  expectError,
  Harness,
  publishFromPledge,
  putProfile,
  query,
  register,
  startHarness,
} from './investor.harness';

/*
 * Matching: the projection of projects fed by project-listing's and the pledge service's
 * events through the real backbone (their outboxes, relays, the investor inbox), the
 * ranked recommendations, the founder's view of matched investors, and the
 * investor.matches-found event when a project goes live.
 */

let h: Harness;
let listing: RunningService;

beforeAll(async () => {
  h = await startHarness();
  listing = await startTestService(projectListingService, h.world);
});

afterAll(async () => {
  await listing?.close();
  await h?.close();
});

interface Recommendation {
  project: { id: string; title: string; raised: number; [field: string]: unknown };
  score: number;
  reasons: string[];
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface InvestorMatch {
  investorId: string;
  displayName: string;
  score: number;
  reasons: string[];
}

/** A sector no other test uses, so each test sees only its own projects. */
const freshSector = (): string => `sector-${randomBytes(4).toString('hex')}`;

function snapshot(overrides: Partial<ProjectSnapshotV1> = {}): ProjectSnapshotV1 {
  const opensAt = new Date(Date.now() - DAY_MS);
  return {
    projectId: randomUUID(),
    companyId: randomUUID(),
    ownerId: randomUUID(),
    projectVersion: 3,
    status: 'LIVE',
    kind: 'EQUITY',
    title: 'Smart greenhouse',
    sector: 'agritech',
    stage: 'SEED',
    region: 'Zhejiang',
    jurisdiction: 'US',
    currency: 'USD',
    targetAmount: 10_000_000,
    maxAmount: 20_000_000,
    minPledge: 100_000,
    opensAt: opensAt.toISOString(),
    closesAt: new Date(Date.now() + 20 * DAY_MS).toISOString(),
    fundingModel: 'ALL_OR_NOTHING',
    equity: null,
    rewards: [],
    ...overrides,
  };
}

/** Publishes a project event as project-listing does: its outbox, its relay, the routes. */
async function publishFromListing(
  type: 'project.live' | 'project.withdrawn',
  project: ProjectSnapshotV1,
): Promise<void> {
  await publishFrom(listing, type, project.projectId, project.projectVersion, project as EventPayload<typeof type>);
}

async function projectionOf(projectId: string): Promise<{ project_version: number; status: string; raised: string }> {
  const [row] = await query<{ project_version: number; status: string; raised: string }>(
    h,
    `SELECT project_version, status, raised FROM investor.matchable_projects WHERE project_id = $1`,
    [projectId],
  );
  return row!;
}

async function live(overrides: Partial<ProjectSnapshotV1>): Promise<ProjectSnapshotV1> {
  const project = snapshot(overrides);
  await publishFromListing('project.live', project);
  await eventually(async () => expect((await projectionOf(project.projectId))?.status).toBe('LIVE'));
  return project;
}

async function investorWanting(sector: string, overrides: Record<string, unknown> = {}): Promise<Actor> {
  const investor = await register(h, 'investor');
  const answer = await putProfile(h, investor, {
    preferences: {
      sectors: [sector],
      stages: ['SEED'],
      regions: ['Zhejiang'],
      kinds: ['EQUITY'],
      ticketMin: 500_000,
      ticketMax: 5_000_000,
    },
    ...overrides,
  });
  expect(answer.status).toBe(200);
  return investor;
}

async function recommendations(investor: Actor, params = ''): Promise<Page<Recommendation>> {
  const answer = await call<Page<Recommendation>>(h.investor, 'GET', `/v1/investors/me/recommendations${params}`, {
    token: investor.token,
  });
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('GET /v1/investors/me/recommendations', () => {
  it('ranks LIVE projects best first, each with its score and reasons', async () => {
    const sector = freshSector();
    const investor = await investorWanting(sector);
    const perfect = await live({ sector, title: 'Perfect fit' });
    const otherStage = await live({ sector, stage: 'GROWTH', title: 'Other stage' });
    const kindOnly = await live({ sector: freshSector(), region: 'Texas', stage: 'IDEA', title: 'Kind only' });

    const page = await recommendations(investor);
    const ours = page.items.filter((item) =>
      [perfect.projectId, otherStage.projectId, kindOnly.projectId].includes(item.project.id),
    );
    expect(ours.map((item) => item.project.title)).toEqual(['Perfect fit', 'Other stage', 'Kind only']);
    expect(ours[0]).toEqual({
      project: {
        id: perfect.projectId,
        title: 'Perfect fit',
        kind: 'EQUITY',
        sector,
        stage: 'SEED',
        region: 'Zhejiang',
        jurisdiction: 'US',
        currency: 'USD',
        minPledge: 100_000,
        targetAmount: 10_000_000,
        raised: 0,
        closesAt: perfect.closesAt,
      },
      score: 100,
      reasons: [
        `sector ${sector} matches`,
        'stage SEED matches',
        'region Zhejiang matches',
        'kind EQUITY matches',
        'ticket 5,000–50,000 fits minimum pledge 1,000',
        expect.stringMatching(/^closes in (19|20) days$/),
      ],
    });
    expect(ours[1]!.score).toBe(85);
    expect(ours[2]!.score).toBe(15 + 15 + 10);
    expect(page.items.map((item) => item.score)).toEqual(
      [...page.items.map((item) => item.score)].sort((a, b) => b - a),
    );
  });

  it('pages with limit and cursor, each project on exactly one page', async () => {
    const sector = freshSector();
    const investor = await investorWanting(sector, {
      preferences: { sectors: [sector], stages: [], regions: [], kinds: [], ticketMin: 0, ticketMax: 1 },
    });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await live({ sector, title: `Page ${i}` })).projectId);

    const first = await recommendations(investor, '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await recommendations(investor, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((item) => item.project.id).sort()).toEqual(ids.sort());

    expectError(
      await call(h.investor, 'GET', '/v1/investors/me/recommendations?cursor=nonsense', { token: investor.token }),
      400,
      'INVALID_CURSOR',
    );
    expectError(
      await call(h.investor, 'GET', '/v1/investors/me/recommendations?limit=101', { token: investor.token }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('recommends only LIVE projects that close in the future and whose campaign is open', async () => {
    const sector = freshSector();
    const investor = await investorWanting(sector);
    const open = await live({ sector, title: 'Open' });
    const withdrawn = await live({ sector, title: 'Withdrawn' });
    const closedCampaign = await live({ sector, title: 'Campaign closed' });
    const pastClose = snapshot({
      sector,
      title: 'Past its close',
      closesAt: new Date(Date.now() - 1000).toISOString(),
    });
    await publishFromListing('project.live', pastClose);
    const approved = snapshot({ sector, title: 'Only approved', status: 'APPROVED' });
    await publishFromListing('project.withdrawn', approved); // any non-LIVE status

    await publishFromListing('project.withdrawn', { ...withdrawn, projectVersion: 4, status: 'WITHDRAWN' });
    await publishFromPledge(h, 'campaign.closed', closedCampaign.projectId, 7, {
      projectId: closedCampaign.projectId,
      currency: 'USD',
      raised: 12_000_000,
      pledgeCount: 9,
      outcome: 'FUNDED',
      ...closingFigures,
    });
    await eventually(async () => {
      expect((await projectionOf(withdrawn.projectId)).status).toBe('WITHDRAWN');
      expect((await projectionOf(closedCampaign.projectId)).raised).toBe('12000000');
      expect(await projectionOf(pastClose.projectId)).toBeDefined();
      expect(await projectionOf(approved.projectId)).toBeDefined();
    });

    // projects of other tests come up through the investor's kind (EQUITY): only this sector's count here
    const titles = (await recommendations(investor)).items
      .filter((item) => item.project.sector === sector)
      .map((item) => item.project.title);
    expect(titles).toEqual(['Open']);
    expect(open.projectId).toBeDefined();
  });

  it('keeps the newest project and funding versions whatever order events arrive in', async () => {
    const sector = freshSector();
    const investor = await investorWanting(sector);
    const project = snapshot({ sector, projectVersion: 5 });
    // funding before the project is known, then an older figure after a newer one
    await publishFromPledge(h, 'campaign.progress', project.projectId, 6, {
      projectId: project.projectId,
      currency: 'USD',
      raised: 3_000_000,
      pledgeCount: 4,
    });
    await eventually(async () => expect((await projectionOf(project.projectId))?.raised).toBe('3000000'));
    await publishFromPledge(h, 'campaign.progress', project.projectId, 5, {
      projectId: project.projectId,
      currency: 'USD',
      raised: 2_000_000,
      pledgeCount: 3,
    });
    // withdrawn at version 6 arrives before live at version 5
    await publishFromListing('project.withdrawn', { ...project, projectVersion: 6, status: 'WITHDRAWN' });
    await eventually(async () => expect((await projectionOf(project.projectId)).status).toBe('WITHDRAWN'));
    await publishFromListing('project.live', project);
    const marker = await live({ sector: freshSector(), title: 'marker' }); // handled after the stale ones
    await eventually(async () => expect((await projectionOf(marker.projectId)).status).toBe('LIVE'));

    expect(await projectionOf(project.projectId)).toEqual({
      project_version: 6,
      status: 'WITHDRAWN',
      raised: '3000000',
    });
    expect((await recommendations(investor)).items.map((item) => item.project.id)).not.toContain(project.projectId);
  });

  it('answers 403 to a founder', async () => {
    const founder = await register(h, 'founder');
    expect((await call(h.investor, 'GET', '/v1/investors/me/recommendations', { token: founder.token })).status).toBe(
      403,
    );
  });
});

describe('GET /v1/projects/:id/matches', () => {
  it("ranks discoverable investors for the project's owner, never with a figure of their money", async () => {
    const sector = freshSector();
    const founder = await register(h, 'founder');
    const best = await investorWanting(sector, {
      displayName: 'Best Angel',
      annualIncome: 987_654_321,
      netWorth: 876_543_219,
    });
    const good = await investorWanting(sector, {
      displayName: 'Good Angel',
      preferences: {
        sectors: [sector],
        stages: ['GROWTH'],
        regions: ['Zhejiang'],
        kinds: ['EQUITY'],
        ticketMin: 500_000,
        ticketMax: 5_000_000,
      },
    });
    const hidden = await investorWanting(sector, { displayName: 'Hidden Angel', discoverable: false });
    const project = await live({ sector, ownerId: founder.id });

    const answer = await call<Page<InvestorMatch>>(h.investor, 'GET', `/v1/projects/${project.projectId}/matches`, {
      token: founder.token,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((item) => item.investorId)).toEqual([best.id, good.id]);
    expect(answer.body.items[0]).toEqual({
      investorId: best.id,
      displayName: 'Best Angel',
      score: 100,
      reasons: [
        `sector ${sector} matches`,
        'stage SEED matches',
        'region Zhejiang matches',
        'kind EQUITY matches',
        'ticket size fits the minimum pledge and the room left',
        expect.stringMatching(/^closes in (19|20) days$/),
      ],
    });
    expect(answer.body.items.map((item) => item.investorId)).not.toContain(hidden.id);

    // the raw JSON, not the parsed objects: no financial field, no figure of anyone's money
    const raw = await fetch(`${h.investor.url}/v1/projects/${project.projectId}/matches`, {
      headers: { authorization: `Bearer ${founder.token}` },
    }).then((response) => response.text());
    for (const forbidden of [
      'annualIncome',
      'netWorth',
      'financialAssets',
      'ticketMin',
      'ticketMax',
      'currency',
      '987654321',
      '876543219',
      '500000',
      '5000000',
      '5,000',
      '50,000',
      'kycStatus',
    ]) {
      expect(raw).not.toContain(forbidden);
    }
    expect(Object.keys(JSON.parse(raw) as object).sort()).toEqual(['items', 'nextCursor']);
  });

  it('answers 403 to another founder, 404 for an unknown project, 403 to an investor', async () => {
    const owner = await register(h, 'founder');
    const other = await register(h, 'founder');
    const investor = await register(h, 'investor');
    const project = await live({ sector: freshSector(), ownerId: owner.id });
    const path = `/v1/projects/${project.projectId}/matches`;

    expectError(await call(h.investor, 'GET', path, { token: other.token }), 403, 'NOT_PROJECT_OWNER');
    expectError(
      await call(h.investor, 'GET', `/v1/projects/${randomUUID()}/matches`, { token: owner.token }),
      404,
      'PROJECT_NOT_FOUND',
    );
    expect((await call(h.investor, 'GET', path, { token: investor.token })).status).toBe(403);
    expectError(
      await call(h.investor, 'GET', '/v1/projects/not-a-uuid/matches', { token: owner.token }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await call(h.investor, 'GET', path, { token: owner.token })).status).toBe(200);
  });
});

describe('investor.matches-found', () => {
  interface OutboxRow {
    aggregate_id: string;
    aggregate_version: number;
    payload: { projectId: string; projectTitle: string; investorIds: string[] };
  }

  const outboxFor = (projectId: string) =>
    query<OutboxRow>(
      h,
      `SELECT aggregate_id, aggregate_version::int AS aggregate_version, payload FROM investor.outbox
        WHERE event_type = 'investor.matches-found' AND aggregate_id = $1`,
      [projectId],
    );

  it('tells the best-matching investors, discoverable or not, once, when a project goes live', async () => {
    const sector = freshSector();
    const visible = await investorWanting(sector);
    const hidden = await investorWanting(sector, { discoverable: false });
    const weak = await investorWanting(sector, {
      preferences: { sectors: [sector], stages: [], regions: [], kinds: [], ticketMin: 0, ticketMax: 1 },
    });
    const elsewhere = await investorWanting(freshSector());

    const project = await live({ sector, title: 'Greenhouse robots', projectVersion: 4 });
    const rows = await eventually(async () => {
      const found = await outboxFor(project.projectId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(rows[0]!.aggregate_version).toBe(4);
    expect(rows[0]!.payload.projectId).toBe(project.projectId);
    expect(rows[0]!.payload.projectTitle).toBe('Greenhouse robots');
    expect(rows[0]!.payload.investorIds.sort()).toEqual([visible.id, hidden.id].sort());
    expect(rows[0]!.payload.investorIds).not.toContain(weak.id);
    expect(rows[0]!.payload.investorIds).not.toContain(elsewhere.id);

    // a stale project.live (older version) is ignored: no second notification
    await publishFromListing('project.live', { ...project, projectVersion: 3 });
    const marker = await live({ sector: freshSector(), title: 'marker' });
    await eventually(async () => expect((await projectionOf(marker.projectId)).status).toBe('LIVE'));
    expect(await outboxFor(project.projectId)).toHaveLength(1);
  });

  it('publishes nothing when no investor matches well enough', async () => {
    const project = await live({ sector: freshSector(), region: 'Nowhere', stage: 'GROWTH', kind: 'DONATION' });
    await eventually(async () => expect((await projectionOf(project.projectId)).status).toBe('LIVE'));
    expect(await outboxFor(project.projectId)).toHaveLength(0);
  });

  it('follows a project that project-listing itself opens: approve, LIVE, matches found, matches for its owner', async () => {
    const sector = freshSector();
    const founder = await register(h, 'founder');
    const investor = await investorWanting(sector, {
      preferences: {
        sectors: [sector],
        stages: ['SEED'],
        regions: ['California'],
        kinds: ['EQUITY'],
        ticketMin: 10_000,
        ticketMax: 1_000_000,
      },
    });
    const asListing: ListingHarness = {
      world: h.world,
      gateway: h.gateway,
      listing,
      admin: h.admin,
      close: async () => {},
    };
    const opensAt = new Date(Date.now() - 3600_000);
    const project = await approvedProject(
      asListing,
      founder,
      projectBody(await createCompany(asListing, founder), {
        sector,
        title: 'Warehouse robots',
        opensAt: opensAt.toISOString(),
        closesAt: new Date(opensAt.getTime() + 30 * DAY_MS).toISOString(),
      }),
    );
    expect(project.status).toBe('LIVE');

    const [row] = await eventually(async () => {
      const found = await outboxFor(project.id);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(row!.payload).toEqual({
      projectId: project.id,
      projectTitle: 'Warehouse robots',
      investorIds: [investor.id],
    });
    expect(row!.aggregate_version).toBe(project.version);

    const matches = await call<Page<InvestorMatch>>(h.investor, 'GET', `/v1/projects/${project.id}/matches`, {
      token: founder.token,
    });
    expect(matches.status).toBe(200);
    expect(matches.body.items.map((item) => [item.investorId, item.score])).toEqual([[investor.id, 100]]);
  });
});
