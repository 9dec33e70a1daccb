import { PlatformConfig } from '@crowdlink/platform';

/**
 * A movable clock in production would let anyone holding an admin token default loans and
 * trigger pool payments early: the service refuses to boot with it.
 */
export function assertTestClockAllowed(config: Pick<PlatformConfig, 'TEST_CLOCK_CONTROL' | 'NODE_ENV'>): void {
  if (config.TEST_CLOCK_CONTROL === 'true' && config.NODE_ENV === 'production') {
    throw new Error('TEST_CLOCK_CONTROL=true is refused with NODE_ENV=production');
  }
}
