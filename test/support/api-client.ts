import { randomBytes } from 'node:crypto';
import { DEFAULT_ADMIN } from '../../apps/gateway/src/identity/first-admin';

/*
 * The HTTP side of the integration specs: call a service as a client would, and read its
 * answers in the api.md format. Shared by every app's specs and the cross-service suites.
 */

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

export interface Answer<T> {
  status: number;
  headers: Headers;
  /** The raw answer, for checks that must see every byte (secrets, field names). */
  text: string;
  body: T;
}

export interface CallOptions {
  token?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, with `contentType` (default application/json). */
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Someone logged in: their user id and access token. */
export interface Actor {
  id: string;
  token: string;
}

export { DEFAULT_ADMIN };
const REQUEST_TIMEOUT_MS = 10_000;

export async function call<T = ErrorBody>(
  service: { url: string },
  method: string,
  path: string,
  { token, body, rawBody, contentType, headers = {} }: CallOptions = {},
): Promise<Answer<T>> {
  const payload = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: {
      ...(payload === undefined ? {} : { 'content-type': contentType ?? 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: payload,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: (text ? JSON.parse(text) : undefined) as T };
}

/** An error answer in the api.md format, with the given status and code. */
export function expectError(answer: Answer<unknown>, status: number, code: string): void {
  const body = answer.body as ErrorBody | undefined;
  expect({ status: answer.status, code: body?.code }).toEqual({ status, code });
  expect(body).toMatchObject({ statusCode: status, message: expect.any(String) });
}

/** The fields a VALIDATION_FAILED answer lists. */
export function fieldsIn(answer: Answer<unknown>): string[] {
  return (((answer.body as ErrorBody).details ?? []) as { field: string }[]).map((detail) => detail.field);
}

/** Registers a founder or an investor through the gateway. */
export async function registerActor(gateway: { url: string }, role: 'founder' | 'investor'): Promise<Actor> {
  const answer = await call<{ user: { id: string }; accessToken: string }>(gateway, 'POST', '/v1/auth/register', {
    body: {
      email: `${role}.${randomBytes(6).toString('hex')}@example.com`,
      password: 'correct-horse-battery',
      role,
      displayName: `A ${role}`,
    },
  });
  if (answer.status !== 201) throw new Error(`register answered ${answer.status}: ${answer.text}`);
  return { id: answer.body.user.id, token: answer.body.accessToken };
}

/** The first admin, whom the gateway creates at start. */
export async function loginAdmin(gateway: { url: string }): Promise<Actor> {
  const login = await call<{ accessToken: string; user: { id: string } }>(gateway, 'POST', '/v1/auth/login', {
    body: DEFAULT_ADMIN,
  });
  if (login.status !== 200) throw new Error(`admin login answered ${login.status}`);
  return { id: login.body.user.id, token: login.body.accessToken };
}
