import { Module } from '@nestjs/common';
import { CLOCK, Clock } from '@crowdlink/domain';
import { PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { OffsetClock } from './offset-clock';
import { assertTestClockAllowed } from './test-clock-policy';

const PLATFORM_CLOCK = Symbol('PLATFORM_CLOCK');

/** Hands the platform's clock on under another token, so the module below can wrap it as CLOCK. */
@Module({
  providers: [{ provide: PLATFORM_CLOCK, useFactory: (clock: Clock) => clock, inject: [CLOCK] }],
  exports: [PLATFORM_CLOCK],
})
class PlatformClockModule {}

/**
 * The CLOCK every loan-linkage module injects: one OffsetClock over the platform's clock
 * (modules import this module, so its CLOCK wins over the platform's global one). Building it
 * checks the test-clock policy, so a production boot with TEST_CLOCK_CONTROL=true fails.
 */
@Module({
  imports: [PlatformClockModule],
  providers: [
    {
      provide: OffsetClock,
      useFactory: (base: Clock, config: PlatformConfig) => {
        assertTestClockAllowed(config);
        return new OffsetClock(base);
      },
      inject: [PLATFORM_CLOCK, PLATFORM_CONFIG],
    },
    { provide: CLOCK, useExisting: OffsetClock },
  ],
  exports: [CLOCK, OffsetClock],
})
export class ServiceClockModule {}
