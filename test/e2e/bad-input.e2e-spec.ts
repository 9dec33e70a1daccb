import { randomBytes } from 'node:crypto';
import { createTestWorld } from '@crowdlink/testing';
import { call, DEFAULT_ADMIN } from '../support/api-client';
import { buildOnce, launchMarketplace, LaunchedMarketplace } from '../support/marketplace-launcher';

/*
 * "Every bad input gets a 4xx with a stable code; a 500 on bad input is a bug", for every
 * operation of the public OpenAPI document: through the gateway of a marketplace started as
 * `npm start` starts it, as each role, with ids, queries, bodies and content types no client
 * should send. The cases are fixed, so a failure names a request that can be sent again.
 */

const PASSWORD = 'a long enough password';
const UNKNOWN_ID = '01a21c68-5fdc-74a8-8a65-305dbc5b1661';
const IDS = [UNKNOWN_ID, 'not-an-id'];
const QUERIES = ['', '?limit=-1', '?limit=abc&cursor=%%%', '?cursor=AAAA', '?limit=100000&q=%00'];
const BODIES: { label: string; rawBody: string; contentType?: string }[] = [
  ...[{}, [], null, 'text', 0, { amount: -1, currency: 'ZZZ' }, { amount: 1e300 }, { a: { b: [1, { c: [] }] } }].map(
    (body) => ({ label: JSON.stringify(body), rawBody: JSON.stringify(body) }),
  ),
  { label: 'nested 10,000 levels', rawBody: '['.repeat(10_000) + ']'.repeat(10_000) },
  { label: 'prototype poisoning', rawBody: '{"__proto__": {"role": "admin"}}' },
  { label: 'truncated JSON', rawBody: '{"amount":' },
  { label: 'empty', rawBody: '' },
  { label: 'a form', rawBody: 'amount=1', contentType: 'application/x-www-form-urlencoded' },
  { label: 'text', rawBody: '{"amount": 1}', contentType: 'text/plain' },
];
const CODE = /^[A-Z][A-Z0-9_]+$/;

let marketplace: LaunchedMarketplace;
let tokens: Record<string, string>;
let operations: { method: string; path: string }[];

async function tokenOf(email: string, password = PASSWORD): Promise<string> {
  const login = await call<{ accessToken: string }>(marketplace, 'POST', '/v1/auth/login', {
    body: { email, password },
  });
  return login.body.accessToken;
}

beforeAll(async () => {
  await buildOnce();
  marketplace = await launchMarketplace(await createTestWorld());
  const tag = randomBytes(4).toString('hex');
  const admin = await tokenOf(DEFAULT_ADMIN.email, DEFAULT_ADMIN.password);
  tokens = { admin };
  for (const role of ['investor', 'founder'] as const) {
    const email = `bad-input-${role}-${tag}@example.com`;
    await call(marketplace, 'POST', '/v1/auth/register', {
      body: { email, password: PASSWORD, role, displayName: `Bad input ${role}` },
    });
    tokens[role] = await tokenOf(email);
  }
  for (const role of ['bank', 'appraiser'] as const) {
    const email = `bad-input-${role}-${tag}@example.com`;
    await call(marketplace, 'POST', '/v1/admin/users', {
      token: admin,
      body: {
        email,
        password: PASSWORD,
        role,
        displayName: `Bad input ${role}`,
        organization: `Bad input ${role} ${tag}`,
      },
    });
    tokens[role] = await tokenOf(email);
  }
  const document = await call<{ paths: Record<string, Record<string, unknown>> }>(
    marketplace,
    'GET',
    '/v1/openapi.json',
  );
  operations = Object.entries(document.body.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })),
  );
}, 300_000);

afterAll(async () => {
  await marketplace?.stop();
});

it('answers every odd request to every operation, as every role, with a 4xx and a code, never a 5xx', async () => {
  expect(operations.length).toBeGreaterThan(60);
  const wrong: string[] = [];
  let sent = 0;
  for (const { method, path } of operations) {
    const paths = path.includes('{') ? IDS.map((id) => path.replace(/\{[^}]+\}/g, id)) : [path];
    for (const [role, token] of Object.entries(tokens)) {
      for (const concrete of paths) {
        const requests =
          method === 'GET'
            ? QUERIES.map((query) => ({ label: query || 'no query', url: concrete + query, options: {} }))
            : BODIES.map(({ label, rawBody, contentType }) => ({
                label,
                url: concrete,
                options: { rawBody, contentType, headers: { 'idempotency-key': `bad-input-${sent}` } },
              }));
        for (const { label, url, options } of requests) {
          const answer = await call<{ code?: unknown }>(marketplace, method, url, { token, ...options });
          sent++;
          const coded = answer.status < 400 || CODE.test(String(answer.body?.code));
          if (answer.status >= 500 || !coded)
            wrong.push(`${role} ${method} ${url} (${label}) -> ${answer.status} ${answer.text.slice(0, 120)}`);
        }
      }
    }
  }
  expect(sent).toBeGreaterThan(5_000);
  expect(wrong).toEqual([]);
}, 300_000);
