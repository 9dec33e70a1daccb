import { randomBytes } from 'node:crypto';
import {
  Actor,
  Answer,
  approvedProject,
  call,
  createCompany,
  createProject,
  DAY_MS,
  euDonationBody,
  expectError,
  fieldsIn,
  Harness,
  projectBody,
  ProjectView,
  query,
  register,
  review,
  startHarness,
  submit,
} from './project-listing.harness';

/*
 * The public showcase, GET /v1/projects: search in Chinese and English, filters, sorts and
 * keyset pages, over HTTP against real PostgreSQL, as an anonymous visitor sees it.
 * Every test works in a sector of its own, so the projects of the others never interfere.
 */

interface ListPage {
  items: ProjectView[];
  nextCursor: string | null;
}

let h: Harness;
let founder: Actor;
let companyId: string;

beforeAll(async () => {
  h = await startHarness();
  founder = await register(h, 'founder');
  companyId = await createCompany(h, founder);
});

afterAll(async () => {
  await h?.close();
});

const newSector = (): string => `sector-${randomBytes(4).toString('hex')}`;

function list(params: Record<string, string | number>, actor?: Actor): Promise<Answer<ListPage>> {
  const search = new URLSearchParams(
    Object.entries(params).map(([key, value]): [string, string] => [key, String(value)]),
  );
  return call<ListPage>(h.listing, 'GET', `/v1/projects?${search.toString()}`, { token: actor?.token });
}

async function ids(params: Record<string, string | number>, actor?: Actor): Promise<string[]> {
  const answer = await list(params, actor);
  expect(answer.status).toBe(200);
  return answer.body.items.map((item) => item.id);
}

/** Walks every page; fails on a page that is too long or a cursor that does not end. */
async function walk(params: Record<string, string | number>, limit: number): Promise<{ ids: string[]; pages: number }> {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const answer: Answer<ListPage> = await list({ ...params, limit, ...(cursor ? { cursor } : {}) });
    expect(answer.status).toBe(200);
    expect(answer.body.items.length).toBeLessThanOrEqual(limit);
    seen.push(...answer.body.items.map((item) => item.id));
    cursor = answer.body.nextCursor;
    pages += 1;
    if (pages > 100) throw new Error('the cursor never ends');
  } while (cursor !== null);
  return { ids: seen, pages };
}

/** For setup steps (outside a test, where expect() does not belong). */
function succeeded(answer: Answer<unknown>): void {
  if (answer.status !== 200) throw new Error(`answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}

/** Small amounts, so that the many approvals of one company stay far below the issuer cap. */
function body(sector: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return projectBody(companyId, {
    sector,
    targetAmount: 100_000,
    maxAmount: 200_000,
    minPledge: 1_000,
    ...overrides,
  });
}

describe('text search', () => {
  const sector = newSector();
  let cotton: ProjectView;
  let kiln: ProjectView;
  let robots: ProjectView;

  beforeAll(async () => {
    cotton = await approvedProject(
      h,
      founder,
      body(sector, {
        title: '新疆棉田合作社',
        summary: 'Fair cotton from Xinjiang',
        description: '我们在新疆种植有机棉花，直接供应给全球的服装品牌。',
      }),
    );
    kiln = await approvedProject(
      h,
      founder,
      body(sector, {
        title: 'Solar Kiln',
        summary: 'Timber dried by the sun',
        description: 'We dry hardwood with sunlight and a heat-exchanger, using no fossil fuel at all.',
      }),
    );
    robots = await approvedProject(
      h,
      founder,
      body(sector, {
        title: '智能仓储机器人',
        summary: 'Warehouse robots',
        description: '让每一个仓库都能用上小型机器人。Robots that fit in a van.',
      }),
    );
  });

  it.each([
    ['a Chinese word of the description', '棉花', ['cotton']],
    ['a longer Chinese phrase (all its bigrams)', '有机棉花', ['cotton']],
    ['a single Chinese character', '棉', ['cotton']],
    ['a Chinese word of the title', '机器人', ['robots']],
    ['an English word of the description', 'exchanger', ['kiln']],
    ['English in any case, every word required', 'HEAT Exchanger hardwood', ['kiln']],
    ['an English word of the summary', 'cotton', ['cotton']],
    ['words in both languages', 'robots 仓库', ['robots']],
    ['a word nobody used', '咖啡', []],
    ['words that appear only apart', 'cotton robots', []],
    ['a Chinese phrase whose bigrams are not all there', '有机机器人', []],
  ])('finds by %s', async (_case, q, expected) => {
    const names: Record<string, string> = { [cotton.id]: 'cotton', [kiln.id]: 'kiln', [robots.id]: 'robots' };
    expect((await ids({ sector, q })).map((id) => names[id]).sort()).toEqual(expected);
  });

  it('a query without any word (punctuation, spaces) filters nothing', async () => {
    expect((await ids({ sector, q: ' ！？ ... ' })).sort()).toEqual([cotton.id, kiln.id, robots.id].sort());
  });

  it('query syntax and quotes are only text: never an error, never a wider match', async () => {
    for (const q of ["' OR 1=1 --", "cotton' | 'robots", '!cotton', 'cotton:*', "cotton\\' & robots"]) {
      const answer = await list({ sector, q });
      expect(answer.status).toBe(200);
      expect(answer.body.items.map((item) => item.id)).not.toContain(robots.id);
    }
    // only operators: no word, so no filter
    for (const q of ['\\', "'", '<-> & | !:*']) expect((await list({ sector, q })).body.items).toHaveLength(3);
  });

  it('follows edits: the new text is found, the old one no longer', async () => {
    const draft = await createProject(h, founder, body(sector, { description: 'An oldfangled 旧式水车 design.' }));
    const patched = await call(h.listing, 'PATCH', `/v1/projects/${draft.id}`, {
      token: founder.token,
      body: { description: 'A newfangled 新式风车 design.' },
    });
    expect(patched.status).toBe(200);
    expect((await submit(h, founder, draft.id)).status).toBe(200);
    expect((await review(h, draft.id, 'approve')).status).toBe(200);

    expect(await ids({ sector, q: 'newfangled' })).toEqual([draft.id]);
    expect(await ids({ sector, q: '风车' })).toEqual([draft.id]);
    expect(await ids({ sector, q: 'oldfangled' })).toEqual([]);
    expect(await ids({ sector, q: '水车' })).toEqual([]);
  });

  it('answers each item as GET /v1/projects/:id does, funding included', async () => {
    const [item] = (await list({ sector, q: '棉花' })).body.items;
    const single = await call<ProjectView>(h.listing, 'GET', `/v1/projects/${cotton.id}`);
    expect(item).toEqual(single.body);
    expect(item).toMatchObject({ funding: { raised: 0, pledgeCount: 0, percentOfTarget: 0 } });
    expect(item!.ipAssets).toHaveLength(1);
  });
});

describe('filters', () => {
  const sector = newSector();
  const region = 'Zhejiang';
  let seedEquity: ProjectView;
  let donation: ProjectView;
  let elsewhere: ProjectView;
  let withdrawn: ProjectView;

  beforeAll(async () => {
    seedEquity = await approvedProject(h, founder, body(sector, { region }));
    const opensAt = new Date(Date.now() + DAY_MS);
    donation = await approvedProject(h, founder, {
      ...euDonationBody(companyId, opensAt, new Date(opensAt.getTime() + 10 * DAY_MS)),
      sector,
      region,
    });
    elsewhere = await approvedProject(h, founder, body(sector, { region: 'Guangdong' }));
    withdrawn = await approvedProject(h, founder, body(sector, { region, stage: 'GROWTH' }));
    succeeded(await call(h.listing, 'POST', `/v1/projects/${withdrawn.id}/withdraw`, { token: founder.token }));
  });

  it.each([
    ['kind + sector + region + status', { kind: 'EQUITY', region, status: 'APPROVED' }, () => [seedEquity]],
    ['kind + sector + region', { kind: 'EQUITY', region }, () => [seedEquity, withdrawn]],
    ['kind alone', { kind: 'DONATION' }, () => [donation]],
    ['region alone', { region: 'Guangdong' }, () => [elsewhere]],
    ['stage', { stage: 'GROWTH' }, () => [withdrawn]],
    ['a public status', { status: 'WITHDRAWN' }, () => [withdrawn]],
    ['kind + region with nothing in common', { kind: 'DONATION', region: 'Guangdong' }, () => []],
  ])('%s combine with AND', async (_case, filters, expected) => {
    expect((await ids({ sector, ...filters })).sort()).toEqual(
      expected()
        .map((project) => project.id)
        .sort(),
    );
  });
});

describe('sorts', () => {
  const sector = newSector();
  const projects: ProjectView[] = [];

  beforeAll(async () => {
    const opensAt = Date.now() + DAY_MS;
    for (const days of [40, 25, 60, 30]) {
      projects.push(
        await approvedProject(
          h,
          founder,
          body(sector, {
            opensAt: new Date(opensAt).toISOString(),
            closesAt: new Date(opensAt + days * DAY_MS).toISOString(),
          }),
        ),
      );
    }
    const raised = [50_000, 0, 150_000, 50_000];
    for (const [i, project] of projects.entries())
      await query(h, `UPDATE project_listing.projects SET raised = $2 WHERE id = $1`, [project.id, raised[i]]);
  });

  const order = async (orderBy: string, where = 'true'): Promise<string[]> =>
    (
      await query<{ id: string }>(
        h,
        `SELECT id FROM project_listing.projects WHERE sector = $1 AND ${where} ORDER BY ${orderBy}`,
        [sector],
      )
    ).map((row) => row.id);

  it('newest first by default, and with sort=newest', async () => {
    const expected = [...projects].reverse().map((project) => project.id);
    expect(await ids({ sector })).toEqual(expected);
    expect(await ids({ sector, sort: 'newest' })).toEqual(expected);
    expect(expected).toEqual(await order('created_at DESC, id DESC'));
  });

  it('most_funded: most raised first, ties by id', async () => {
    const answer = await list({ sector, sort: 'most_funded' });
    expect(answer.body.items.map((item) => item.funding.raised)).toEqual([150_000, 50_000, 50_000, 0]);
    expect(answer.body.items.map((item) => item.id)).toEqual(await order('raised DESC, id DESC'));
  });

  it('closing_soon: the nearest close first, and only closes still ahead', async () => {
    expect(await ids({ sector, sort: 'closing_soon' })).toEqual(
      [projects[1], projects[3], projects[0], projects[2]].map((project) => project!.id),
    );
    // one whose close has passed (as if it ran a month ago) is no longer closing
    const past = projects[3]!;
    await query(
      h,
      `UPDATE project_listing.projects SET opens_at = now() - interval '40 days', closes_at = now() - interval '1 day' WHERE id = $1`,
      [past.id],
    );
    const closing = await ids({ sector, sort: 'closing_soon' });
    expect(closing).toEqual([projects[1], projects[0], projects[2]].map((project) => project!.id));
    expect(await ids({ sector })).toContain(past.id);
  });
});

describe('pages', () => {
  const sector = newSector();
  const total = 45;
  let all: string[];

  beforeAll(async () => {
    const opensAt = Date.now() + DAY_MS;
    for (let i = 0; i < total; i++) {
      await approvedProject(
        h,
        founder,
        body(sector, {
          opensAt: new Date(opensAt).toISOString(),
          closesAt: new Date(opensAt + 30 * DAY_MS).toISOString(),
        }),
      );
    }
    // ties everywhere: five projects per created_at (and neighbours one microsecond apart),
    // four amounts raised, three closing times
    await query(
      h,
      `UPDATE project_listing.projects p
          SET created_at = timestamptz '2026-01-01T00:00:00Z' + (n.rank / 5) * interval '1 microsecond',
              raised = (n.rank % 4) * 10000,
              closes_at = p.opens_at + (30 + n.rank % 3) * interval '1 day'
         FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rank FROM project_listing.projects WHERE sector = $1) n
        WHERE p.id = n.id`,
      [sector],
    );
    all = (await query<{ id: string }>(h, `SELECT id FROM project_listing.projects WHERE sector = $1`, [sector])).map(
      (row) => row.id,
    );
    if (all.length !== total) throw new Error(`expected ${total} projects, found ${all.length}`);
  });

  it.each([
    ['newest', 10, 'created_at DESC, id DESC'],
    ['most_funded', 10, 'raised DESC, id DESC'],
    ['closing_soon', 10, 'closes_at ASC, id ASC'],
    ['newest', 7, 'created_at DESC, id DESC'],
    ['most_funded', 1, 'raised DESC, id DESC'],
  ])('sort=%s, limit=%i: every project exactly once, in order, despite ties', async (sort, limit, orderBy) => {
    const { ids: seen, pages } = await walk({ sector, sort }, limit);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...all].sort());
    expect(pages).toBe(Math.ceil(total / limit));
    const expected = await query<{ id: string }>(
      h,
      `SELECT id FROM project_listing.projects WHERE sector = $1 ORDER BY ${orderBy}`,
      [sector],
    );
    expect(seen).toEqual(expected.map((row) => row.id));
  });

  it('a text search matching many projects pages through them all the same, in order', async () => {
    // every project here says "We raise to build the second production line."
    const { ids: seen } = await walk({ sector, q: 'production line' }, 10);
    const expected = await query<{ id: string }>(
      h,
      `SELECT id FROM project_listing.projects WHERE sector = $1 ORDER BY created_at DESC, id DESC`,
      [sector],
    );
    expect(seen).toEqual(expected.map((row) => row.id));
    expect(await ids({ sector, q: 'production 棉花' })).toEqual([]);
  });

  it('limit defaults to 20 and the last page has no next cursor', async () => {
    const first = await list({ sector });
    expect(first.body.items).toHaveLength(20);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const exact = await list({ sector, limit: total });
    expect(exact.body.items).toHaveLength(total);
    expect(exact.body.nextCursor).toBeNull();
  });

  it('a cursor is bound to its sort: 400 INVALID_CURSOR under another', async () => {
    const { nextCursor } = (await list({ sector, limit: 5 })).body;
    expectError(await list({ sector, sort: 'most_funded', cursor: nextCursor! }), 400, 'INVALID_CURSOR');
    expect((await list({ sector, sort: 'newest', cursor: nextCursor! })).status).toBe(200);
  });
});

describe('who sees what', () => {
  const sector = newSector();
  const word = `hiddenword${randomBytes(3).toString('hex')}`;
  let published: ProjectView;
  let draft: ProjectView;
  let submitted: ProjectView;
  let rejected: ProjectView;
  let investor: Actor;

  beforeAll(async () => {
    investor = await register(h, 'investor');
    published = await approvedProject(h, founder, body(sector, { description: `A public ${word}.` }));
    draft = await createProject(h, founder, body(sector, { description: `A draft ${word}.` }));
    submitted = await createProject(h, founder, body(sector, { description: `A submitted ${word}.` }));
    succeeded(await submit(h, founder, submitted.id));
    rejected = await createProject(h, founder, body(sector, { description: `A rejected ${word}.` }));
    succeeded(await submit(h, founder, rejected.id));
    succeeded(await review(h, rejected.id, 'reject'));
  });

  it('anonymous callers, investors and even the owner see only public projects', async () => {
    for (const actor of [undefined, investor, founder]) {
      expect(await ids({ sector }, actor)).toEqual([published.id]);
      expect(await ids({ sector, q: word }, actor)).toEqual([published.id]);
      for (const sort of ['most_funded', 'closing_soon'])
        expect(await ids({ sector, sort }, actor)).toEqual([published.id]);
    }
  });

  it.each(['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'REJECTED'])(
    'status=%s is refused to non-admins (400 naming status)',
    async (status) => {
      for (const actor of [undefined, founder]) {
        const answer = await list({ sector, status }, actor);
        expectError(answer, 400, 'VALIDATION_FAILED');
        expect(fieldsIn(answer)).toEqual(['status']);
      }
    },
  );

  it('admins see public projects by default and may ask for any status', async () => {
    expect(await ids({ sector }, h.admin)).toEqual([published.id]);
    expect(await ids({ sector, status: 'DRAFT' }, h.admin)).toEqual([draft.id]);
    expect(await ids({ sector, status: 'REJECTED', q: word }, h.admin)).toEqual([rejected.id]);
    expect(await ids({ sector, status: 'SUBMITTED' }, h.admin)).toEqual([submitted.id]);
  });
});

describe('bad query parameters', () => {
  it.each([
    ['an unknown sort', 'sort=oldest', ['sort']],
    ['an unknown kind', 'kind=LOAN', ['kind']],
    ['an unknown stage', 'stage=LATE', ['stage']],
    ['an unknown status', 'status=OPEN', ['status']],
    ['a limit above 100', 'limit=101', ['limit']],
    ['a limit of 0', 'limit=0', ['limit']],
    ['a limit that is no number', 'limit=ten', ['limit']],
    ['a fractional limit', 'limit=2.5', ['limit']],
    ['an unknown parameter', 'page=2', ['page']],
    ['a parameter given twice', 'kind=EQUITY&kind=REWARD', ['kind']],
    ['an empty sector', 'sector=', ['sector']],
    ['a query of more than 200 characters', `q=${'x'.repeat(201)}`, ['q']],
  ])('%s is 400 VALIDATION_FAILED naming it', async (_case, search, fields) => {
    const answer = await call(h.listing, 'GET', `/v1/projects?${search}`);
    expectError(answer, 400, 'VALIDATION_FAILED');
    expect(fieldsIn(answer).sort()).toEqual(fields);
  });

  const encoded = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const uuid = '0197a4c2-1111-7222-8333-444455556666';

  it.each([
    ['not base64url', 'not a cursor!'],
    ['base64url of no JSON', Buffer.from('garbage').toString('base64url')],
    ['JSON of another shape', encoded({ after: uuid })],
    ['an id that is no UUID', encoded(['newest', '2026-01-01T00:00:00.000000Z', 'x'])],
    ['a date that does not exist', encoded(['newest', '2026-02-30T00:00:00.000000Z', uuid])],
    ['a date without microseconds', encoded(['newest', '2026-01-01T00:00:00Z', uuid])],
    ['an amount under sort=newest', encoded(['newest', '100', uuid])],
    ['too long', 'a'.repeat(600)],
  ])('a cursor that is %s is 400 (INVALID_CURSOR or VALIDATION_FAILED), never 5xx', async (_case, cursor) => {
    const answer = await list({ cursor });
    expect(answer.status).toBe(400);
    expect(['INVALID_CURSOR', 'VALIDATION_FAILED']).toContain((answer.body as unknown as { code: string }).code);
  });

  it('garbage cursors are 400 INVALID_CURSOR', async () => {
    expectError(await list({ cursor: 'bm9wZQ' }), 400, 'INVALID_CURSOR');
    expectError(
      await list({ sort: 'most_funded', cursor: encoded(['most_funded', '1e5', uuid]) }),
      400,
      'INVALID_CURSOR',
    );
    expectError(
      await list({ sort: 'most_funded', cursor: encoded(['most_funded', '99999999999999999999', uuid]) }),
      400,
      'INVALID_CURSOR',
    );
  });
});
