import { MarketplaceClient } from './marketplace-client';
import { formatMoney } from './money-format';
import { Actor } from './scenario-report';

export interface IpAssetView {
  id: string;
  type: string;
  registryNumber: string;
  title: string;
}

export interface ProjectView {
  id: string;
  title: string;
  status: string;
  currency: string;
  ipAssets: IpAssetView[];
  funding: { raised: number; pledgeCount: number; percentOfTarget: number };
}

export interface CompanyInput {
  name: string;
  registrationNumber: string;
  sector: string;
  region: string;
  description: string;
}

export async function createCompany(client: MarketplaceClient, founder: Actor, company: CompanyInput): Promise<string> {
  const created = await client.send<{ id: string }>({
    by: founder,
    does: `registers the company ${company.name}`,
    method: 'POST',
    path: '/v1/companies',
    body: company,
    expect: 201,
    tells: (answer) => `company ${answer.id}`,
  });
  return created.id;
}

/** A project as api.md describes its body; created as a DRAFT, then submitted for review. */
export async function listProject(
  client: MarketplaceClient,
  founder: Actor,
  project: Record<string, unknown> & { title: string },
): Promise<ProjectView> {
  const draft = await client.send<ProjectView>({
    by: founder,
    does: `drafts the project "${project.title}"`,
    method: 'POST',
    path: '/v1/projects',
    body: project,
    expect: 201,
    tells: (answer) =>
      `${answer.status}; IP declared: ${answer.ipAssets.map((asset) => asset.type).join(', ') || 'none'}`,
  });
  await client.send<ProjectView>({
    by: founder,
    does: 'submits it for review',
    method: 'POST',
    path: `/v1/projects/${draft.id}/submit`,
    expect: 200,
    tells: (answer) => answer.status,
  });
  return draft;
}

export async function approveProject(client: MarketplaceClient, admin: Actor, project: ProjectView): Promise<void> {
  await client.send<ProjectView>({
    by: admin,
    does: `approves "${project.title}" after checking disclosures, terms and the issuer cap`,
    method: 'POST',
    path: `/v1/projects/${project.id}/review`,
    body: { decision: 'approve', notes: 'Disclosures complete; terms consistent.' },
    expect: 200,
    tells: (answer) => answer.status,
  });
}

/** Waits until the marketplace shows the project in `status` (it goes LIVE at opensAt, closes by event). */
export function projectInStatus(
  client: MarketplaceClient,
  viewer: Actor,
  project: ProjectView,
  status: string,
  timeoutMs?: number,
): Promise<ProjectView> {
  return client.send<ProjectView>({
    by: viewer,
    does: `sees "${project.title}" ${status}`,
    method: 'GET',
    path: `/v1/projects/${project.id}`,
    expect: 200,
    until: (view) => view.status === status,
    timeoutMs,
    tells: (view) =>
      `${view.status}, ${formatMoney(view.funding.raised, view.currency)} raised from ${view.funding.pledgeCount} pledges`,
  });
}

/** From a founder's idea to a project open for pledges: company, project, review, opening. */
export async function openRound(
  client: MarketplaceClient,
  founder: Actor,
  admin: Actor,
  company: CompanyInput,
  project: (companyId: string) => Record<string, unknown> & { title: string },
): Promise<ProjectView> {
  const companyId = await createCompany(client, founder, company);
  const listed = await listProject(client, founder, project(companyId));
  await approveProject(client, admin, listed);
  return projectInStatus(client, founder, listed, 'LIVE');
}
