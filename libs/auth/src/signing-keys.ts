import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformConfig } from '@crowdlink/platform';

const DEV_KEY_FILE = 'signing-key.pem';

/** The private key the gateway signs access tokens with. */
export function loadSigningKey(config: PlatformConfig): KeyObject {
  if (config.JWT_PRIVATE_KEY) return createPrivateKey(pem(config.JWT_PRIVATE_KEY));
  return createPrivateKey(devKeyPem(config));
}

/** The public key every service verifies access tokens with. */
export function loadVerificationKey(config: PlatformConfig): KeyObject {
  if (config.JWT_PUBLIC_KEY) return createPublicKey(pem(config.JWT_PUBLIC_KEY));
  if (config.JWT_PRIVATE_KEY) return createPublicKey(createPrivateKey(pem(config.JWT_PRIVATE_KEY)));
  return createPublicKey(createPrivateKey(devKeyPem(config)));
}

/** Environment variables often carry PEMs with literal "\n". */
function pem(value: string): string {
  return value.replace(/\\n/g, '\n');
}

/**
 * Outside production, with no key configured, all processes share an Ed25519 key kept in
 * the git-ignored JWT_KEY_DIR. The first process to start creates it; the hard link makes
 * creation atomic, so processes starting together agree on one key.
 */
function devKeyPem(config: PlatformConfig): string {
  if (config.NODE_ENV === 'production') {
    throw new Error('JWT_PRIVATE_KEY / JWT_PUBLIC_KEY must be configured in production');
  }
  const target = join(config.JWT_KEY_DIR, DEV_KEY_FILE);
  try {
    return readFileSync(target, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(config.JWT_KEY_DIR, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const draft = `${target}.${process.pid}.tmp`;
  writeFileSync(draft, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  try {
    linkSync(draft, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return readFileSync(target, 'utf8');
}
