import { CampaignOutcome } from '@crowdlink/contracts';
import { eventually, RunningService, startTestService } from '@crowdlink/testing';
import { closingFigures, publishFrom } from '../../../test/support/backbone';
import { pledgeService } from '../../pledge/src/pledge.definition';
import {
  Actor,
  call,
  createCompany,
  Harness,
  ProjectView,
  register,
  query,
  startHarness,
  liveProject as liveProjectOf,
} from './project-listing.harness';

/*
 * Funding progress on the showcase follows the pledge service's campaign events, sent
 * through the real backbone: the pledge service's outbox, its relay, project-listing's inbox.
 */

let h: Harness;
let pledge: RunningService;
let founder: Actor;
let companyId: string;

beforeAll(async () => {
  h = await startHarness();
  pledge = await startTestService(pledgeService, h.world);
  founder = await register(h, 'founder');
  companyId = await createCompany(h, founder);
});

afterAll(async () => {
  await pledge?.close();
  await h?.close();
});

/** A US equity project, LIVE now: target 10,000,000 cents, cap 20,000,000. */
const liveProject = (): Promise<ProjectView> => liveProjectOf(h, founder, companyId);

/** What the pledge service will publish as its campaign changes (issue: pledge service). */
async function publishFromPledge(
  type: 'campaign.progress' | 'campaign.closed',
  projectId: string,
  campaignVersion: number,
  figures: { raised: number; pledgeCount: number; outcome?: CampaignOutcome; currency?: string },
): Promise<void> {
  await publishFrom(pledge, type, projectId, campaignVersion, {
    projectId,
    currency: 'USD',
    ...(type === 'campaign.closed' ? closingFigures : {}),
    ...figures,
  } as never);
}

async function publicView(id: string): Promise<ProjectView> {
  const answer = await call<ProjectView>(h.listing, 'GET', `/v1/projects/${id}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

it('shows raised, pledge count and percent of target as pledges come in', async () => {
  const project = await liveProject();
  expect((await publicView(project.id)).funding).toEqual({ raised: 0, pledgeCount: 0, percentOfTarget: 0 });

  await publishFromPledge('campaign.progress', project.id, 1, { raised: 2_500_000, pledgeCount: 3 });
  await eventually(async () =>
    expect((await publicView(project.id)).funding).toEqual({ raised: 2_500_000, pledgeCount: 3, percentOfTarget: 25 }),
  );
});

it('never runs backwards when older progress arrives after newer', async () => {
  const project = await liveProject();
  await publishFromPledge('campaign.progress', project.id, 5, { raised: 7_000_000, pledgeCount: 9 });
  await eventually(async () => expect((await publicView(project.id)).funding.raised).toBe(7_000_000));

  await publishFromPledge('campaign.progress', project.id, 4, { raised: 6_000_000, pledgeCount: 8 });
  await publishFromPledge('campaign.progress', project.id, 6, { raised: 7_500_000, pledgeCount: 10 });
  await eventually(async () => expect((await publicView(project.id)).funding.raised).toBe(7_500_000));
  expect((await publicView(project.id)).funding).toEqual({ raised: 7_500_000, pledgeCount: 10, percentOfTarget: 75 });
});

it.each([
  ['FUNDED', 12_000_000, 120],
  ['FAILED', 4_000_000, 40],
] as const)(
  'moves a LIVE project to %s with the final totals when the campaign closes',
  async (outcome, raised, percent) => {
    const project = await liveProject();
    await publishFromPledge('campaign.closed', project.id, 2, { raised, pledgeCount: 14, outcome });

    const closed = await eventually(async () => {
      const view = await publicView(project.id);
      expect(view.status).toBe(outcome);
      return view;
    });
    expect(closed.funding).toEqual({ raised, pledgeCount: 14, percentOfTarget: percent });
    const history = await call<{ items: { action: string; from: string; to: string; by: string | null }[] }>(
      h.listing,
      'GET',
      `/v1/projects/${project.id}/history`,
      { token: founder.token },
    );
    expect(history.body.items.at(-1)).toMatchObject({
      action: outcome === 'FUNDED' ? 'fund' : 'fail',
      from: 'LIVE',
      to: outcome,
      by: null,
    });
  },
);

it('keeps a withdrawn project withdrawn when a late outcome arrives', async () => {
  const project = await liveProject();
  expect((await call(h.listing, 'POST', `/v1/projects/${project.id}/withdraw`, { token: founder.token })).status).toBe(
    200,
  );
  await publishFromPledge('campaign.closed', project.id, 3, { raised: 0, pledgeCount: 0, outcome: 'FAILED' });
  await publishFromPledge('campaign.progress', project.id, 4, { raised: 1, pledgeCount: 1 });

  // the later progress event is applied, so the close before it was handled too
  await eventually(async () => expect((await publicView(project.id)).funding.raised).toBe(1));
  expect((await publicView(project.id)).status).toBe('WITHDRAWN');
});

it('applies the good events of a group even when another in it cannot be applied', async () => {
  const project = await liveProject();
  const unknownProject = '01990000-0000-7000-8000-000000000000';
  await Promise.all([
    publishFromPledge('campaign.progress', unknownProject, 1, { raised: 1, pledgeCount: 1 }),
    publishFromPledge('campaign.progress', project.id, 1, { raised: 3_000_000, pledgeCount: 2 }),
    publishFromPledge('campaign.progress', unknownProject, 2, { raised: 2, pledgeCount: 2 }),
  ]);

  await eventually(async () => expect((await publicView(project.id)).funding.raised).toBe(3_000_000));
  // the events about a project nobody knows failed on their own and wait for their retry
  const failed = await query<{ n: number }>(
    h,
    `SELECT count(*)::int AS n FROM project_listing.inbox i JOIN pledge.outbox o ON o.id = i.event_id WHERE o.aggregate_id = $1`,
    [unknownProject],
  );
  expect(failed[0]!.n).toBe(0);
});
