import { decodeCursor, encodeCursor } from './showcase-cursor';
import { InvalidCursorException } from '@crowdlink/platform';

const id = '0197a4c2-1111-7222-8333-444455556666';
const encoded = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('showcase cursor', () => {
  it.each([
    ['newest', '2026-11-26T18:17:17.123456Z'],
    ['closing_soon', '2024-02-29T00:00:00.000000Z'],
    ['most_funded', '9223372036854775807'],
    ['most_funded', '0'],
  ] as const)('a %s cursor comes back as it was encoded', (sort, key) => {
    const cursor = encodeCursor({ sort, key, id });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, sort)).toEqual({ sort, key, id });
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a+b/c='],
    ['no JSON', Buffer.from('{').toString('base64url')],
    ['an object', encoded({ sort: 'newest', key: '2026-01-01T00:00:00.000000Z', id })],
    ['of another sort', encodeCursor({ sort: 'closing_soon', key: '2026-01-01T00:00:00.000000Z', id })],
    ['a 30 February', encoded(['newest', '2026-02-30T00:00:00.000000Z', id])],
    ['an hour 24', encoded(['newest', '2026-01-01T24:00:00.000000Z', id])],
    ['milliseconds only', encoded(['newest', '2026-01-01T00:00:00.000Z', id])],
    ['an id that is no UUID', encoded(['newest', '2026-01-01T00:00:00.000000Z', `${id}'`])],
  ])('refuses a newest cursor that is %s', (_case, cursor) => {
    expect(() => decodeCursor(cursor, 'newest')).toThrow(InvalidCursorException);
  });

  it.each([['-1'], ['1.5'], ['1e9'], ['9223372036854775808'], ['']])('refuses the amount %j', (key) => {
    expect(() => decodeCursor(encoded(['most_funded', key, id]), 'most_funded')).toThrow(InvalidCursorException);
  });
});
