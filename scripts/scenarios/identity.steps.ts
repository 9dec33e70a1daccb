import { MarketplaceClient } from './marketplace-client';
import { Actor } from './scenario-report';

interface Session {
  accessToken: string;
  user: { id: string; organizationId?: string };
}

export interface Credentials {
  email: string;
  password: string;
}

const PASSWORD = 'correct-horse-battery-staple';

/** The first admin outside production when ADMIN_EMAIL / ADMIN_PASSWORD are not set (api.md). */
export const DEFAULT_ADMIN_CREDENTIALS: Credentials = { email: 'admin@crowdlink.local', password: 'crowdlink-admin' };

/**
 * What makes a scenario's people its own: every email and registration number carries the
 * run's tag, so a scenario can be played again and again on one database.
 */
export function emailOf(name: string, runTag: string): string {
  return `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${runTag}@example.com`;
}

/** Founders and investors register themselves. */
export async function register(
  client: MarketplaceClient,
  person: { name: string; role: 'founder' | 'investor' },
  runTag: string,
): Promise<Actor> {
  const session = await client.send<Session>({
    who: `${person.name} (${person.role})`,
    does: 'registers',
    method: 'POST',
    path: '/v1/auth/register',
    body: { email: emailOf(person.name, runTag), password: PASSWORD, role: person.role, displayName: person.name },
    expect: 201,
    tells: (answer) => `account ${answer.user.id}, signed in`,
  });
  return { name: person.name, role: person.role, id: session.user.id, token: session.accessToken };
}

/** The first admin, whom the gateway creates at start from ADMIN_EMAIL / ADMIN_PASSWORD. */
export async function signInAdmin(client: MarketplaceClient, credentials: Credentials): Promise<Actor> {
  const session = await client.send<Session>({
    who: 'Admin (admin)',
    does: 'signs in',
    method: 'POST',
    path: '/v1/auth/login',
    body: credentials,
    expect: 200,
    tells: () => 'signed in',
  });
  return { name: 'Admin', role: 'admin', id: session.user.id, token: session.accessToken };
}

/** Bank and appraiser accounts exist only when an admin opens them; then their holder signs in. */
export async function openStaffAccount(
  client: MarketplaceClient,
  admin: Actor,
  person: { name: string; role: 'bank' | 'appraiser'; organization: string },
  runTag: string,
): Promise<Actor> {
  const email = emailOf(person.name, runTag);
  await client.send({
    by: admin,
    does: `opens ${person.role === 'appraiser' ? 'an' : 'a'} ${person.role} account for ${person.name} of ${person.organization}`,
    method: 'POST',
    path: '/v1/admin/users',
    body: { email, password: PASSWORD, role: person.role, displayName: person.name, organization: person.organization },
    expect: 201,
    tells: () => `${person.role} account created`,
  });
  const session = await client.send<Session>({
    who: `${person.name} (${person.role})`,
    does: 'signs in',
    method: 'POST',
    path: '/v1/auth/login',
    body: { email, password: PASSWORD },
    expect: 200,
    tells: () => 'signed in',
  });
  return {
    name: person.name,
    role: person.role,
    id: session.user.id,
    token: session.accessToken,
    organizationId: session.user.organizationId,
  };
}
