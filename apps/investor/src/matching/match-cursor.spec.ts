import { decodeMatchCursor, encodeMatchCursor, rankedPageOf } from './match-cursor';
import { InvalidCursorException } from '@crowdlink/platform';

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ranked = [
  { score: 90, id: id(3) },
  { score: 70, id: id(1) },
  { score: 70, id: id(2) },
  { score: 40, id: id(4) },
  { score: 40, id: id(5) },
];

describe(rankedPageOf.name, () => {
  it('walks a ranked list page by page, each item on exactly one page', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = rankedPageOf(ranked, 2, cursor);
      seen.push(...page.items.map((item) => item.id));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(ranked.map((item) => item.id));
  });

  it('gives no cursor when the page holds the rest', () => {
    expect(rankedPageOf(ranked, 5, undefined).nextCursor).toBeNull();
    expect(rankedPageOf(ranked, 4, undefined).nextCursor).toEqual(encodeMatchCursor(ranked[3]!));
  });
});

describe(decodeMatchCursor.name, () => {
  it('reads back what encodeMatchCursor gave', () => {
    expect(decodeMatchCursor(encodeMatchCursor({ score: 55, id: id(9) }))).toEqual({ score: 55, id: id(9) });
  });

  it.each([
    'nonsense!',
    Buffer.from('[1]').toString('base64url'),
    Buffer.from('["x","y"]').toString('base64url'),
    Buffer.from(`[1.5,"${id(1)}"]`).toString('base64url'),
  ])('refuses %s', (cursor) => {
    expect(() => decodeMatchCursor(cursor)).toThrow(InvalidCursorException);
  });
});
