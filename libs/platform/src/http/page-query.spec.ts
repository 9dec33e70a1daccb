import { idCursor, InvalidCursorException } from './list-cursor';
import { pageOf } from './page-query';

describe(pageOf.name, () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('keeps `limit` rows and gives the cursor of the last one when the extra row says more follow', () => {
    expect(pageOf(rows, 2, (last) => `after:${last.id}`)).toEqual({ items: rows.slice(0, 2), nextCursor: 'after:b' });
  });

  it('has no cursor when the query found no more than `limit` rows', () => {
    expect(pageOf(rows, 3, (last) => last.id)).toEqual({ items: rows, nextCursor: null });
    expect(pageOf([], 3, (last: { id: string }) => last.id)).toEqual({ items: [], nextCursor: null });
  });
});

describe(idCursor.name, () => {
  it('is null without a cursor and the id with one', () => {
    expect(idCursor(undefined)).toBeNull();
    expect(idCursor('')).toBeNull();
    expect(idCursor('019acb3e-1111-7abc-8def-0123456789ab')).toBe('019acb3e-1111-7abc-8def-0123456789ab');
  });

  it.each(['42', 'latest', "019acb3e-1111-7abc-8def-0123456789ab' OR 1=1", '019acb3e11117abc8def0123456789ab'])(
    'refuses %j as INVALID_CURSOR',
    (cursor) => {
      expect(() => idCursor(cursor)).toThrow(InvalidCursorException);
    },
  );
});
