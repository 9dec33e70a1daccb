import {
  Actor,
  approvedProject,
  call,
  createCompany,
  createProject,
  expectError,
  fieldsIn,
  Harness,
  projectBody,
  ProjectView,
  register,
  startHarness,
} from './project-listing.harness';

/* Founder updates and investor complaints, with their visibility and history rules. */

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface UpdateView {
  id: string;
  projectId: string;
  title: string;
  body: string;
  createdAt: string;
}

interface ComplaintView {
  id: string;
  projectId: string;
  investorId: string;
  status: string;
  resolution: string | null;
  history?: { action: string; by: string; notes: string | null; at: string }[];
}

let h: Harness;
let founder: Actor;
let otherFounder: Actor;
let investor: Actor;
let draft: ProjectView;
let open: ProjectView;

beforeAll(async () => {
  h = await startHarness();
  [founder, otherFounder, investor] = await Promise.all([
    register(h, 'founder'),
    register(h, 'founder'),
    register(h, 'investor'),
  ]);
  const companyId = await createCompany(h, founder);
  draft = await createProject(h, founder, projectBody(companyId));
  open = await approvedProject(h, founder, projectBody(companyId));
});

afterAll(async () => {
  await h?.close();
});

const postUpdate = (
  projectId: string,
  actor: Actor,
  body: Record<string, unknown> = { title: 'News', body: 'We shipped.' },
) => call<UpdateView>(h.listing, 'POST', `/v1/projects/${projectId}/updates`, { token: actor.token, body });
const listUpdates = (projectId: string, actor?: Actor, query = '') =>
  call<Page<UpdateView>>(h.listing, 'GET', `/v1/projects/${projectId}/updates${query}`, { token: actor?.token });
const fileComplaint = (projectId: string, actor: Actor) =>
  call<ComplaintView>(h.listing, 'POST', `/v1/projects/${projectId}/complaints`, {
    token: actor.token,
    body: { subject: 'Misleading numbers', body: 'The revenue figure looks wrong.' },
  });
const listComplaints = (query = '', actor: Actor = h.admin) =>
  call<Page<ComplaintView>>(h.listing, 'GET', `/v1/admin/complaints${query}`, { token: actor.token });
const resolve = (id: string, actor: Actor = h.admin, resolution = 'The founder corrected the figure.') =>
  call<ComplaintView>(h.listing, 'POST', `/v1/admin/complaints/${id}/resolve`, {
    token: actor.token,
    body: { resolution },
  });

describe('founder updates', () => {
  it('the owner posts updates; the public reads them once the project is public, newest first, by pages', async () => {
    const first = await postUpdate(open.id, founder, { title: 'One', body: 'First news' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id: expect.any(String), projectId: open.id, title: 'One', body: 'First news' });
    await postUpdate(open.id, founder, { title: 'Two', body: 'Second news' });

    const page1 = await listUpdates(open.id, undefined, '?limit=1');
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((u) => u.title)).toEqual(['Two']);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await listUpdates(open.id, undefined, `?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body).toEqual({ items: [expect.objectContaining({ title: 'One' })], nextCursor: null });
    expectError(await listUpdates(open.id, undefined, '?cursor=42'), 400, 'INVALID_CURSOR');
  });

  it('updates of a draft are for its owner and admins only', async () => {
    expect((await postUpdate(draft.id, founder)).status).toBe(201);
    expect((await listUpdates(draft.id, founder)).body.items).toHaveLength(1);
    expect((await listUpdates(draft.id, h.admin)).body.items).toHaveLength(1);
    expectError(await listUpdates(draft.id), 404, 'PROJECT_NOT_FOUND');
    expectError(await listUpdates(draft.id, investor), 404, 'PROJECT_NOT_FOUND');
  });

  it('only the owner posts: another founder gets 404 on a draft and 403 on a public project', async () => {
    expectError(await postUpdate(draft.id, otherFounder), 404, 'PROJECT_NOT_FOUND');
    expectError(await postUpdate(open.id, otherFounder), 403, 'NOT_PROJECT_OWNER');
    expectError(await postUpdate(open.id, investor), 403, 'FORBIDDEN');
    const bad = await postUpdate(open.id, founder, { title: '', body: 'x', pinned: true });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(fieldsIn(bad).sort()).toEqual(['pinned', 'title']);
    expectError(await listUpdates(open.id, undefined, '?limit=500'), 400, 'VALIDATION_FAILED');
  });
});

describe('complaints', () => {
  it('an investor files, an admin resolves once, and the history is kept', async () => {
    const filed = await fileComplaint(open.id, investor);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ projectId: open.id, investorId: investor.id, status: 'OPEN', resolution: null });

    const openList = await listComplaints('?status=OPEN');
    expect(openList.body.items.map((c) => c.id)).toContain(filed.body.id);

    const resolved = await resolve(filed.body.id);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'RESOLVED', resolution: 'The founder corrected the figure.' });
    expect(resolved.body.history).toEqual([
      { action: 'FILED', by: investor.id, notes: null, at: expect.any(String) },
      { action: 'RESOLVED', by: h.admin.id, notes: 'The founder corrected the figure.', at: expect.any(String) },
    ]);

    expectError(await resolve(filed.body.id), 409, 'COMPLAINT_ALREADY_RESOLVED');
    expect((await listComplaints('?status=OPEN')).body.items.map((c) => c.id)).not.toContain(filed.body.id);
    expect((await listComplaints('?status=RESOLVED')).body.items.map((c) => c.id)).toContain(filed.body.id);
    expect((await listComplaints()).body.items.map((c) => c.id)).toContain(filed.body.id);

    const one = await call<ComplaintView>(h.listing, 'GET', `/v1/admin/complaints/${filed.body.id}`, {
      token: h.admin.token,
    });
    expect(one.body.history).toHaveLength(2);
  });

  it('is about a project the investor can see, and filed by investors only', async () => {
    expectError(await fileComplaint(draft.id, investor), 404, 'PROJECT_NOT_FOUND');
    expectError(await fileComplaint(open.id, founder), 403, 'FORBIDDEN');
  });

  it('is listed and resolved by admins only, with validated input', async () => {
    expectError(await listComplaints('', investor), 403, 'FORBIDDEN');
    expectError(await listComplaints('?status=LOST'), 400, 'VALIDATION_FAILED');
    const filed = await fileComplaint(open.id, investor);
    expectError(await resolve(filed.body.id, founder), 403, 'FORBIDDEN');
    expectError(await resolve(filed.body.id, h.admin, ''), 400, 'VALIDATION_FAILED');
    expectError(await resolve('0190c3a4-0000-7000-8000-000000000000'), 404, 'COMPLAINT_NOT_FOUND');
  });
});
