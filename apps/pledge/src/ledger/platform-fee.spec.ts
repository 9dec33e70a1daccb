import { platformFeeOf } from './platform-fee';

describe(platformFeeOf.name, () => {
  it('takes the basis points of the raised amount', () => {
    expect(platformFeeOf(1_000_000, 500)).toBe(50_000);
    expect(platformFeeOf(1_000_000, 0)).toBe(0);
    expect(platformFeeOf(1_000_000, 10_000)).toBe(1_000_000);
  });

  it('rounds half up to the minor unit', () => {
    expect(platformFeeOf(10, 500)).toBe(1); // 0.5 → 1
    expect(platformFeeOf(9, 500)).toBe(0); // 0.45 → 0
    expect(platformFeeOf(11, 500)).toBe(1); // 0.55 → 1
    expect(platformFeeOf(29, 500)).toBe(1); // 1.45 → 1
    expect(platformFeeOf(30, 500)).toBe(2); // 1.5 → 2
    expect(platformFeeOf(1, 1)).toBe(0); // 0.0001 → 0
  });

  it('stays exact where a float product would not', () => {
    expect(platformFeeOf(Number.MAX_SAFE_INTEGER, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
    expect(platformFeeOf(Number.MAX_SAFE_INTEGER, 5_000)).toBe(4_503_599_627_370_496); // ….5 → up
  });

  it('refuses amounts and rates that are not integers in range', () => {
    expect(() => platformFeeOf(10.5, 500)).toThrow(RangeError);
    expect(() => platformFeeOf(-1, 500)).toThrow(RangeError);
    expect(() => platformFeeOf(100, 12.5)).toThrow(RangeError);
    expect(() => platformFeeOf(100, -1)).toThrow(RangeError);
    expect(() => platformFeeOf(100, 10_001)).toThrow(RangeError);
  });
});
