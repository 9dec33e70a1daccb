import { decodeCursor, encodeCursor } from './notification-cursor';

describe('notification cursor', () => {
  const cursor = { createdAt: '2026-11-26T18:00:00.123456Z', id: '01990000-0000-7000-8000-000000000001' };

  it('decodes what it encoded', () => {
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ['not base64url', '!!!'],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    [
      'a millisecond timestamp',
      Buffer.from(JSON.stringify(['2026-11-26T18:00:00.123Z', cursor.id])).toString('base64url'),
    ],
    ['no id', Buffer.from(JSON.stringify([cursor.createdAt])).toString('base64url')],
    [
      'an impossible date',
      Buffer.from(JSON.stringify(['2026-13-45T18:00:00.123456Z', cursor.id])).toString('base64url'),
    ],
  ])('refuses %s with INVALID_CURSOR', (_what, text) => {
    expect(() => decodeCursor(text)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
