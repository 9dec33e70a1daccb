import { createPrivateKey, generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createTestWorld, eventually, RunningService, startTestService, TestWorld } from '@crowdlink/testing';
import { SignJWT } from 'jose';
import { gatewayService } from '../src/gateway.definition';
import {
  Answer,
  call as callService,
  CallOptions,
  DEFAULT_ADMIN,
  ErrorBody,
  expectError,
  fieldsIn,
} from '../../../test/support/api-client';

/*
 * The gateway's identity endpoints, token checks, proxy and operational routes, exercised
 * over HTTP against real PostgreSQL and Redis, the way a client of api.md sees them.
 */

interface UserView {
  id: string;
  email: string;
  role: string;
  displayName: string;
  organizationId?: string;
}

interface Session {
  user: UserView;
  accessToken: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let world: TestWorld;
/** The gateway most tests talk to: at most 3 failed logins, and no investor service behind it. */
let gateway: RunningService;

/** Calls the gateway most tests talk to, or another service. */
function call<T = ErrorBody>(
  method: string,
  path: string,
  options: CallOptions = {},
  service: RunningService = gateway,
): Promise<Answer<T>> {
  return callService<T>(service, method, path, options);
}

function uniqueEmail(name = 'user'): string {
  return `${name}.${randomBytes(6).toString('hex')}@example.com`;
}

function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    email: uniqueEmail(),
    password: 'correct-horse-battery',
    role: 'founder',
    displayName: 'Ada Lovelace',
    ...overrides,
  };
}

async function register(
  overrides: Record<string, unknown> = {},
  service?: RunningService,
): Promise<Session & { password: string }> {
  const input = registration(overrides);
  const answer = await call<Session>('POST', '/v1/auth/register', { body: input }, service);
  expect(answer.status).toBe(201);
  return { ...answer.body, password: input.password as string };
}

function login(email: string, password: string, service?: RunningService): Promise<Answer<Session>> {
  return call<Session>('POST', '/v1/auth/login', { body: { email, password } }, service);
}

async function loginAs(email: string, password: string): Promise<string> {
  const answer = await login(email, password);
  expect(answer.status).toBe(200);
  return answer.body.accessToken;
}

/** A token with the claims the gateway issues, signed with `key`, valid for `lifetimeSeconds` from `issuedAt`. */
function signToken(
  key: KeyObject,
  claims: { sub: string; role: string },
  { issuedAt = Math.floor(Date.now() / 1000), lifetimeSeconds = 600 } = {},
): Promise<string> {
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(gateway.config.JWT_ISSUER)
    .setAudience(gateway.config.JWT_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .sign(key);
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

beforeAll(async () => {
  world = await createTestWorld();
  gateway = await startTestService(gatewayService, world, {
    env: { LOGIN_MAX_FAILURES: '3' },
  });
});

afterAll(async () => {
  await gateway?.close();
});

describe('register, login and me', () => {
  it('register answers 201 with the new user and an access token', async () => {
    const input = registration({ role: 'investor', displayName: 'Grace Hopper' });

    const answer = await call<Session>('POST', '/v1/auth/register', { body: input });

    expect(answer.status).toBe(201);
    expect(answer.body.user).toEqual({
      id: expect.stringMatching(UUID),
      email: input.email,
      role: 'investor',
      displayName: 'Grace Hopper',
    });
    expect(answer.body.accessToken).toEqual(expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/));
  });

  it('login answers 200 with a token and the user, whatever the case of the email', async () => {
    const tag = randomBytes(4).toString('hex');
    const registered = await register({ email: `Ada.${tag}@X.com` });
    expect(registered.user.email).toBe(`ada.${tag}@x.com`);

    const answer = await login(`ada.${tag}@x.com`, registered.password);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ accessToken: expect.any(String), user: registered.user });
    expect((await login(`ADA.${tag}@X.COM`, registered.password)).status).toBe(200);
  });

  it('GET /v1/me shows who the token belongs to', async () => {
    const registered = await register({ role: 'investor', displayName: 'Katherine Johnson' });
    const token = await loginAs(registered.user.email, registered.password);

    const me = await call<UserView>('GET', '/v1/me', { token });

    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: registered.user.id,
      email: registered.user.email,
      role: 'investor',
      displayName: 'Katherine Johnson',
    });
  });

  it('PATCH /v1/me changes the display name, and it stays changed', async () => {
    const { accessToken: token, user } = await register({ displayName: 'Old Name' });

    const patched = await call<UserView>('PATCH', '/v1/me', { token, body: { displayName: '  New Name  ' } });

    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ ...user, displayName: 'New Name' });
    expect((await call<UserView>('GET', '/v1/me', { token })).body.displayName).toBe('New Name');
  });

  it('PATCH /v1/me refuses to change the role', async () => {
    const { accessToken: token, user } = await register({ role: 'investor' });

    const patched = await call('PATCH', '/v1/me', { token, body: { displayName: 'Sneaky', role: 'admin' } });

    expectError(patched, 400, 'VALIDATION_FAILED');
    expect(fieldsIn(patched)).toContain('role');
    expect((await call<UserView>('GET', '/v1/me', { token })).body).toEqual(user);
  });

  it('a wrong password and an unknown email get the same 401 INVALID_CREDENTIALS', async () => {
    const { user } = await register();

    expectError(await login(user.email, 'not-the-password'), 401, 'INVALID_CREDENTIALS');
    expectError(await login(uniqueEmail('nobody'), 'whatever-password'), 401, 'INVALID_CREDENTIALS');
  });

  it('an email already taken, in any case, is 409 EMAIL_TAKEN', async () => {
    const { user } = await register();

    const again = await call('POST', '/v1/auth/register', { body: registration({ email: user.email.toUpperCase() }) });

    expectError(again, 409, 'EMAIL_TAKEN');
  });
});

describe('bad input on identity endpoints gets a 4xx with a code, never a 5xx', () => {
  it.each([
    ['POST', '/v1/auth/register'],
    ['POST', '/v1/auth/login'],
  ])('malformed JSON on %s %s is 400 MALFORMED_JSON', async (method, path) => {
    expectError(await call(method, path, { rawBody: '{"email": "a@example.com",' }), 400, 'MALFORMED_JSON');
  });

  it.each([
    ['10,000', 10_000],
    ['33', 33],
  ])('a body nested %s levels deep is 400 MALFORMED_JSON, not a stack overflow', async (_levels, depth) => {
    const rawBody = '['.repeat(depth) + ']'.repeat(depth);

    const answer = await call('POST', '/v1/auth/register', { rawBody });

    expectError(answer, 400, 'MALFORMED_JSON');
    expect(answer.body.message).toMatch(/deeper than 32 levels/);
  });

  it('a prototype-poisoning body is refused as 400 MALFORMED_JSON', async () => {
    const rawBody = JSON.stringify(registration()).replace(/^\{/, '{"__proto__": {"role": "admin"},');

    expectError(await call('POST', '/v1/auth/register', { rawBody }), 400, 'MALFORMED_JSON');
  });

  it('an unknown field is 400 VALIDATION_FAILED naming the field', async () => {
    const answer = await call('POST', '/v1/auth/register', { body: registration({ isAdmin: true }) });

    expectError(answer, 400, 'VALIDATION_FAILED');
    expect(fieldsIn(answer)).toEqual(['isAdmin']);
  });

  it.each([
    ['password', 'a number', { password: 123 }],
    ['password', 'too short', { password: 'short' }],
    ['password', '129 characters', { password: 'x'.repeat(129) }],
    ['email', 'an array', { email: [] }],
    ['email', 'not an address', { email: 'not-an-email' }],
    ['role', '"admin"', { role: 'admin' }],
    ['role', '"bank"', { role: 'bank' }],
    ['displayName', 'an object', { displayName: { first: 'Ada' } }],
    ['displayName', 'blank', { displayName: '   ' }],
  ])('registering with a %s that is %s is 400 VALIDATION_FAILED naming it', async (field, _what, override) => {
    const answer = await call('POST', '/v1/auth/register', { body: registration(override) });

    expectError(answer, 400, 'VALIDATION_FAILED');
    expect(fieldsIn(answer)).toEqual([field]);
  });

  it('logging in with a password that is not a string is 400 VALIDATION_FAILED', async () => {
    const answer = await call('POST', '/v1/auth/login', { body: { email: uniqueEmail(), password: 123 } });

    expectError(answer, 400, 'VALIDATION_FAILED');
    expect(fieldsIn(answer)).toEqual(['password']);
  });

  it.each([
    ['an empty object', '{}'],
    ['an empty body', ''],
    ['a JSON array', JSON.stringify([registration()])],
    ['an empty JSON array', '[]'],
    ['a JSON string', '"ada@example.com"'],
    ['a JSON number', '42'],
    ['JSON null', 'null'],
  ])('%s as the register body is 400 VALIDATION_FAILED', async (_what, rawBody) => {
    expectError(await call('POST', '/v1/auth/register', { rawBody }), 400, 'VALIDATION_FAILED');
  });

  it.each([
    ['path', 'POST', '/v1/notifications/%E0%A4%A/read'],
    ['query, on a route the gateway forwards', 'GET', '/v1/projects?cursor=%%%'],
  ])('a badly percent-encoded %s is 400 MALFORMED_URL', async (_where, method, path) => {
    expectError(await call(method, path), 400, 'MALFORMED_URL');
  });

  it('a 2 MB password is refused with a 4xx and a code', async () => {
    const answer = await call('POST', '/v1/auth/register', {
      body: registration({ password: 'p'.repeat(2 * 1024 * 1024) }),
    });

    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.code).toEqual(expect.stringMatching(/^[A-Z][A-Z_]+$/));
  });

  it.each(['application/xml', 'application/x-www-form-urlencoded', 'text/plain'])(
    'a %s body is 415 UNSUPPORTED_MEDIA_TYPE',
    async (contentType) => {
      const answer = await call('POST', '/v1/auth/login', { rawBody: 'email=a@example.com&password=x', contentType });

      expectError(answer, 415, 'UNSUPPORTED_MEDIA_TYPE');
    },
  );
});

describe('access tokens', () => {
  let user: UserView;
  let realKey: KeyObject;

  beforeAll(async () => {
    ({ user } = await register({ role: 'investor' }));
    realKey = createPrivateKey(readFileSync(join(world.env.JWT_KEY_DIR, 'signing-key.pem'), 'utf8'));
  });

  it('a token made here with the real key and the gateway claims is accepted (the forgeries below differ only as named)', async () => {
    const me = await call<UserView>('GET', '/v1/me', {
      token: await signToken(realKey, { sub: user.id, role: 'investor' }),
    });

    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
  });

  it('a token signed with another Ed25519 key is 401 INVALID_TOKEN', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const token = await signToken(privateKey, { sub: user.id, role: 'investor' });

    expectError(await call('GET', '/v1/me', { token }), 401, 'INVALID_TOKEN');
  });

  it('an expired token signed with the real key is 401 TOKEN_EXPIRED', async () => {
    const twoHoursAgo = Math.floor(Date.now() / 1000) - 7200;
    const token = await signToken(
      realKey,
      { sub: user.id, role: 'investor' },
      { issuedAt: twoHoursAgo, lifetimeSeconds: 900 },
    );

    expectError(await call('GET', '/v1/me', { token }), 401, 'TOKEN_EXPIRED');
  });

  it('an unsigned alg "none" token is 401 INVALID_TOKEN', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: user.id,
      role: 'admin',
      iss: gateway.config.JWT_ISSUER,
      aud: gateway.config.JWT_AUDIENCE,
      iat: now,
      exp: now + 600,
    };
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;

    expectError(await call('GET', '/v1/me', { token }), 401, 'INVALID_TOKEN');
  });

  it('a real token whose payload was edited to say admin is 401 INVALID_TOKEN', async () => {
    const [header, payload, signature] = (await signToken(realKey, { sub: user.id, role: 'investor' })).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const token = [header, base64url({ ...claims, role: 'admin' }), signature].join('.');

    expectError(await call('GET', '/v1/me', { token }), 401, 'INVALID_TOKEN');
  });

  it('a garbage bearer token is 401 INVALID_TOKEN', async () => {
    expectError(await call('GET', '/v1/me', { token: 'garbage.not-a.jwt' }), 401, 'INVALID_TOKEN');
  });

  it.each([
    ['no Authorization header', {}],
    ['a Basic Authorization header', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
    ['a Bearer header with no token', { authorization: 'Bearer ' }],
  ])('%s is 401 UNAUTHENTICATED', async (_what, headers) => {
    expectError(await call('GET', '/v1/me', { headers }), 401, 'UNAUTHENTICATED');
  });
});

describe('passwords and tokens never appear in logs or answers', () => {
  const logged: string[] = [];
  let writeSpy: jest.SpyInstance;
  let verbose: RunningService;

  beforeAll(async () => {
    // pino writes to process.stdout itself when it finds it patched, so the spy sees every log line
    writeSpy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      logged.push(Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write);
    verbose = await startTestService(gatewayService, world, { env: { LOG_LEVEL: 'trace' } });
  });

  afterAll(async () => {
    await verbose?.close();
    writeSpy?.mockRestore();
  });

  it('a whole session at trace level logs neither the password nor the token, and no answer holds them', async () => {
    const password = `Quokka-${randomBytes(8).toString('hex')}`;
    const wrongPassword = `Wombat-${randomBytes(8).toString('hex')}`;
    const email = uniqueEmail('secretive');
    const answers: Answer<unknown>[] = [];
    const send = async <T>(method: string, path: string, options: CallOptions): Promise<Answer<T>> => {
      const answer = await call<T>(method, path, options, verbose);
      answers.push(answer);
      return answer;
    };

    const registered = await send<Session>('POST', '/v1/auth/register', {
      body: { email, password, role: 'investor', displayName: 'Secretive' },
    });
    expect(registered.status).toBe(201);
    expect((await send('POST', '/v1/auth/register', { body: { email: 'nope', password, role: 'x' } })).status).toBe(
      400,
    );
    expect((await send('POST', '/v1/auth/login', { body: { email, password: wrongPassword } })).status).toBe(401);
    const loggedIn = await send<Session>('POST', '/v1/auth/login', { body: { email, password } });
    expect(loggedIn.status).toBe(200);
    const tokens = [registered.body.accessToken, loggedIn.body.accessToken];
    expect((await send('GET', '/v1/me', { token: tokens[1] })).status).toBe(200);
    expect((await send('PATCH', '/v1/me', { token: tokens[1], body: { displayName: 'Still Secretive' } })).status).toBe(
      200,
    );
    expect((await send('GET', '/v1/me', { token: `${tokens[1]}x` })).status).toBe(401);

    // the capture works: the requests and the failed login are in the log
    await eventually(() => {
      const text = logged.join('');
      expect(text).toContain('"route":"/v1/me"');
      expect(text).toContain('"event":"login_failed"');
    });
    // and each request's line carries the id its answer was given
    for (const answer of answers) {
      const requestId = `"requestId":"${answer.headers.get('x-request-id')}"`;
      expect(logged.filter((line) => line.includes(requestId) && line.includes('"request completed"'))).toHaveLength(1);
    }
    const secrets = [password, wrongPassword, ...tokens];
    const leaks = logged.filter((line) => secrets.some((secret) => line.includes(secret)));
    expect(leaks).toEqual([]);

    for (const answer of answers) {
      expect(answer.text).not.toContain(password);
      expect(answer.text).not.toContain(wrongPassword);
      expect(answer.text).not.toMatch(/passwordHash|password_hash|\$argon2/);
    }
    expect(Object.keys(registered.body.user).sort()).toEqual(['displayName', 'email', 'id', 'role']);
  });
});

describe('login throttling', () => {
  it('after 3 wrong passwords even the right one is 429 TOO_MANY_ATTEMPTS; another account is unaffected', async () => {
    const victim = await register();
    const bystander = await register();

    for (let attempt = 0; attempt < 3; attempt++) {
      // the count is per account, however its email is spelled
      expectError(
        await login(victim.user.email.toUpperCase(), `wrong-password-${attempt}`),
        401,
        'INVALID_CREDENTIALS',
      );
    }
    const locked = await login(victim.user.email, victim.password);

    expectError(locked, 429, 'TOO_MANY_ATTEMPTS');
    expect(locked.body).toMatchObject({ details: { retryAfterSeconds: expect.any(Number) } });
    expect((await login(bystander.user.email, bystander.password)).status).toBe(200);
  });

  it('a successful login clears earlier failures', async () => {
    const user = await register();

    for (let attempt = 0; attempt < 2; attempt++)
      expect((await login(user.user.email, 'wrong-password')).status).toBe(401);
    expect((await login(user.user.email, user.password)).status).toBe(200);
    for (let attempt = 0; attempt < 2; attempt++)
      expect((await login(user.user.email, 'wrong-password')).status).toBe(401);

    expect((await login(user.user.email, user.password)).status).toBe(200);
  });
});

describe('roles', () => {
  let adminToken: string;

  beforeAll(async () => {
    adminToken = await loginAs(DEFAULT_ADMIN.email, DEFAULT_ADMIN.password);
  });

  function bankUser(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return registration({ email: uniqueEmail('banker'), role: 'bank', organization: 'Bank of Lingnan', ...overrides });
  }

  it('the default admin creates a bank user, who logs in and sees their organization', async () => {
    const input = bankUser({ displayName: 'Loan Officer' });

    const created = await call<UserView>('POST', '/v1/admin/users', { token: adminToken, body: input });

    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(UUID),
      email: input.email,
      role: 'bank',
      displayName: 'Loan Officer',
      organizationId: expect.stringMatching(UUID),
    });
    const token = await loginAs(input.email as string, input.password as string);
    expect((await call<UserView>('GET', '/v1/me', { token })).body).toEqual(created.body);
  });

  it('users of the same organization, however its name is cased, share one organizationId', async () => {
    const first = await call<UserView>('POST', '/v1/admin/users', {
      token: adminToken,
      body: bankUser({ organization: 'Pearl River Bank' }),
    });
    const second = await call<UserView>('POST', '/v1/admin/users', {
      token: adminToken,
      body: bankUser({ organization: 'PEARL RIVER bank' }),
    });
    const other = await call<UserView>('POST', '/v1/admin/users', {
      token: adminToken,
      body: bankUser({ organization: 'Yangtze Bank' }),
    });

    expect([first.status, second.status, other.status]).toEqual([201, 201, 201]);
    expect(second.body.organizationId).toBe(first.body.organizationId);
    expect(other.body.organizationId).not.toBe(first.body.organizationId);
  });

  it('a founder calling POST /v1/admin/users is 403 FORBIDDEN, and no account is made', async () => {
    const founder = await register({ role: 'founder' });
    const input = bankUser();

    expectError(await call('POST', '/v1/admin/users', { token: founder.accessToken, body: input }), 403, 'FORBIDDEN');
    expectError(await login(input.email as string, input.password as string), 401, 'INVALID_CREDENTIALS');
  });

  it('POST /v1/admin/users without a token is 401 UNAUTHENTICATED', async () => {
    expectError(await call('POST', '/v1/admin/users', { body: bankUser() }), 401, 'UNAUTHENTICATED');
  });

  it('role "bank" without an organization is 400 VALIDATION_FAILED', async () => {
    const answer = await call('POST', '/v1/admin/users', {
      token: adminToken,
      body: bankUser({ organization: undefined }),
    });

    expectError(answer, 400, 'VALIDATION_FAILED');
    expect(fieldsIn(answer)).toEqual(['organization']);
  });
});

describe('routing to the services', () => {
  it('an unknown /v1 path is 404 ROUTE_NOT_FOUND', async () => {
    const { accessToken: token } = await register();

    expectError(await call('GET', '/v1/nowhere', { token }), 404, 'ROUTE_NOT_FOUND');
    expectError(await call('POST', '/v1/nowhere/deeper', { token, body: {} }), 404, 'ROUTE_NOT_FOUND');
  });

  it('a route whose service is not running is 503 SERVICE_UNAVAILABLE, promptly', async () => {
    const { accessToken: token } = await register({ role: 'investor' });
    // a marketplace on the standard ports (a developer's `npm start`) is not this test's service
    const standardPort = createServer((_request, response) => response.end('{"from":"the standard port"}'));
    await new Promise<void>((resolve) => {
      standardPort.once('error', () => resolve()); // taken: such a marketplace is running
      standardPort.listen(3002, '127.0.0.1', resolve);
    });
    try {
      const started = Date.now();

      const answer = await call('GET', '/v1/investors/me', { token });

      expectError(answer, 503, 'SERVICE_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      standardPort.close();
    }
  });
});

describe('operations', () => {
  it('GET /health says the database and Redis are up', async () => {
    const health = await call('GET', '/health');

    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('GET /v1/openapi.json documents the identity endpoints', async () => {
    const answer = await call<{ paths: Record<string, unknown> }>('GET', '/v1/openapi.json');

    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.paths)).toEqual(
      expect.arrayContaining(['/v1/auth/register', '/v1/auth/login', '/v1/me', '/v1/admin/users']),
    );
  });

  it.each<[string, string, string, CallOptions]>([
    ['a health check', 'GET', '/health', {}],
    ['a validation failure', 'POST', '/v1/auth/register', { body: {} }],
    ['malformed JSON', 'POST', '/v1/auth/login', { rawBody: '{' }],
    ['a missing token', 'GET', '/v1/me', {}],
    ['an unknown /v1 route', 'GET', '/v1/nowhere', {}],
    ['an unknown route outside /v1', 'GET', '/nowhere', {}],
    ['an unavailable service', 'GET', '/v1/investors/me', { token: 'anything' }],
  ])('%s answers with an x-request-id, echoing a sane incoming one', async (_what, method, path, options) => {
    const own = await call(method, path, options);
    const requestId = `test-${randomBytes(6).toString('hex')}`;
    const echoed = await call(method, path, { ...options, headers: { 'x-request-id': requestId } });

    expect(own.headers.get('x-request-id')).toEqual(expect.stringMatching(/^\S{8,}$/));
    expect(echoed.headers.get('x-request-id')).toBe(requestId);
  });

  it('an insane incoming x-request-id is replaced, not echoed', async () => {
    const insane = `${'x'.repeat(200)}<script>`;

    const answer = await call('GET', '/health', { headers: { 'x-request-id': insane } });

    expect(answer.headers.get('x-request-id')).toEqual(expect.stringMatching(UUID));
  });
});
