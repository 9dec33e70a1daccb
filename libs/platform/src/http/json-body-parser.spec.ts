import { jsonNestingDepth } from './json-body-parser';

describe('jsonNestingDepth', () => {
  it.each([
    ['a scalar', 0, '42'],
    ['a flat object', 1, '{"amount": 1000, "paymentMethod": "pm_card_visa"}'],
    ['objects in an array in an object', 3, '{"rewards": [{"id": 1}, {"id": 2}]}'],
    ['brackets inside strings', 1, '{"note": "[[[{{{ ]]] }}"}'],
    ['an escaped quote before brackets in a string', 1, '{"note": "say \\"[[[[\\" twice"}'],
    ['an escaped backslash ending a string', 3, '{"path": "C:\\\\", "list": [[1]]}'],
    ['10,000 levels', 10_000, '['.repeat(10_000) + ']'.repeat(10_000)],
  ])('%s nests %i deep', (_what, depth, text) => {
    expect(jsonNestingDepth(Buffer.from(text))).toBe(depth);
  });

  it('stops counting just past the limit', () => {
    expect(jsonNestingDepth(Buffer.from('['.repeat(10_000)), 32)).toBe(33);
  });
});
