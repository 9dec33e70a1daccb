import { assertTestClockAllowed } from './test-clock-policy';

describe(assertTestClockAllowed.name, () => {
  it('refuses the test clock in production', () => {
    expect(() => assertTestClockAllowed({ TEST_CLOCK_CONTROL: 'true', NODE_ENV: 'production' })).toThrow(
      'TEST_CLOCK_CONTROL=true is refused with NODE_ENV=production',
    );
  });

  it('allows it elsewhere, and production without it', () => {
    expect(() => assertTestClockAllowed({ TEST_CLOCK_CONTROL: 'true', NODE_ENV: 'test' })).not.toThrow();
    expect(() => assertTestClockAllowed({ TEST_CLOCK_CONTROL: 'false', NODE_ENV: 'production' })).not.toThrow();
  });
});
