import { FixedClock } from '@crowdlink/domain';
import { OffsetClock } from './offset-clock';

describe(OffsetClock.name, () => {
  const at = new Date('2026-03-01T00:00:00.000Z');

  it('tells the base clock’s time until advanced', () => {
    expect(new OffsetClock(new FixedClock(at)).now()).toEqual(at);
  });

  it('adds every advance to the base clock’s time', () => {
    const base = new FixedClock(at);
    const clock = new OffsetClock(base);
    clock.advance(1000);
    clock.advance(500);
    base.advance(10);
    expect(clock.now().getTime()).toBe(at.getTime() + 1510);
  });

  it('refuses to move backwards', () => {
    expect(() => new OffsetClock(new FixedClock(at)).advance(-1)).toThrow(RangeError);
  });
});
