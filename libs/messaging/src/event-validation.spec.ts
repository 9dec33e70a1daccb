import { newId } from '@crowdlink/domain';
import { parseEvent } from './event-validation';

function registered(overrides: Record<string, unknown> = {}, payload: Record<string, unknown> = {}) {
  const userId = newId();
  return {
    id: newId(),
    type: 'user.registered',
    version: 1,
    occurredAt: '2026-11-26T10:00:00.000Z',
    producer: 'gateway',
    aggregateId: userId,
    aggregateVersion: 1,
    payload: { userId, role: 'investor', displayName: 'Ada', userVersion: 1, ...payload },
    ...overrides,
  };
}

describe(parseEvent.name, () => {
  it('accepts a well-formed event routed to the consumer', () => {
    expect(parseEvent(registered(), 'investor')).toMatchObject({ ok: true });
  });

  it.each([
    ['not an object', 'oops', /envelope is not an object/],
    ['an unknown type', registered({ type: 'user.vanished' }), /unknown event type "user.vanished"/],
    ['an unsupported version', registered({ version: 2 }), /version 2 is not supported/],
    ['a bad id', registered({ id: 'nope' }), /id is not a UUID/],
    ['a bad aggregate version', registered({ aggregateVersion: 0 }), /aggregateVersion/],
    ['a payload with a wrong role', registered({}, { role: 'pirate' }), /payload: role/],
    ['a payload missing its user', registered({}, { userId: undefined }), /payload: userId/],
  ])('refuses %s', (_case, raw, reason) => {
    const parsed = parseEvent(raw, 'investor');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toMatch(reason);
  });

  it('refuses an event that is not routed to the consumer', () => {
    expect(parseEvent(registered(), 'project-listing')).toEqual({
      ok: false,
      reason: 'project-listing does not consume user.registered',
    });
  });
});
