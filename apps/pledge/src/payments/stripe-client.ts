import Stripe from 'stripe';
import { ConfigurationError, PlatformConfig } from '@crowdlink/platform';

/**
 * Retries the SDK makes by itself after a lost connection, a 409 or a 5xx, each with the
 * call's own idempotency key (so never a second payment), before the call fails with a
 * network_error and the settlement's backoff takes over. Kept small so that a close, which
 * charges through a rate-limited queue, does not hold a worker for long.
 */
export const STRIPE_MAX_NETWORK_RETRIES = 2;
const STRIPE_TIMEOUT_MS = 30_000;

/** The Stripe SDK for STRIPE_SECRET_KEY, sent to STRIPE_API_URL (stripe-mock, a proxy) when set. */
export function createStripeClient(config: PlatformConfig): Stripe {
  if (!config.STRIPE_SECRET_KEY) {
    throw new ConfigurationError('Invalid configuration:\n  STRIPE_SECRET_KEY: required with PAYMENT_PROVIDER=stripe');
  }
  return new Stripe(config.STRIPE_SECRET_KEY, {
    maxNetworkRetries: STRIPE_MAX_NETWORK_RETRIES,
    timeout: STRIPE_TIMEOUT_MS,
    telemetry: false,
    ...(config.STRIPE_API_URL === undefined ? {} : endpointOf(new URL(config.STRIPE_API_URL))),
  });
}

function endpointOf(url: URL): { host: string; port: number; protocol: 'http' | 'https' } {
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'https' ? 443 : 80, protocol };
}
