import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@crowdlink/domain';
import { loadConfig, PlatformConfig } from '@crowdlink/platform';
import { SignJWT } from 'jose';
import { AccessTokenVerifier } from './access-token.verifier';
import { ACCESS_TOKEN_ALGORITHM } from './authenticated-user';
import { loadSigningKey } from './signing-keys';

const ISSUED_AT = new Date('2026-06-01T12:00:00Z');
const TTL_SECONDS = 900;

describe(AccessTokenVerifier.name, () => {
  let keyDir: string;
  let config: PlatformConfig;

  beforeAll(() => {
    keyDir = mkdtempSync(join(tmpdir(), 'crowdlink-jwt-'));
    config = loadConfig({ NODE_ENV: 'test', JWT_KEY_DIR: keyDir });
  });

  afterAll(() => rmSync(keyDir, { recursive: true, force: true }));

  beforeEach(() => {
    // only Date moves: jose's crypto and promises keep running for real
    jest.useFakeTimers({ now: ISSUED_AT, doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
  });

  afterEach(() => jest.useRealTimers());

  async function tokenFor(userId: string): Promise<string> {
    return new SignJWT({ role: 'investor' })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(config.JWT_ISSUER)
      .setAudience(config.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${TTL_SECONDS}s`)
      .sign(loadSigningKey(config));
  }

  it('accepts a token as often as it is sent until it expires, then refuses it as expired', async () => {
    const verifier = new AccessTokenVerifier(config);
    const userId = newId();
    const token = await tokenFor(userId);

    await expect(verifier.verify(token)).resolves.toEqual({ id: userId, role: 'investor' });
    jest.setSystemTime(ISSUED_AT.getTime() + TTL_SECONDS * 1000 - 1);
    await expect(verifier.verify(token)).resolves.toEqual({ id: userId, role: 'investor' });
    jest.setSystemTime(ISSUED_AT.getTime() + TTL_SECONDS * 1000);
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('refuses a token whose signature was altered, even right after accepting the genuine one', async () => {
    const verifier = new AccessTokenVerifier(config);
    const token = await tokenFor(newId());
    await verifier.verify(token);

    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    await expect(verifier.verify(`${header}.${payload}.${flipped}`)).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
    });
  });
});
