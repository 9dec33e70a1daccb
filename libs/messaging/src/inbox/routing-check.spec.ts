import { eventTypesConsumedBy } from '@crowdlink/contracts';
import { checkHandlers, EventRoutingError } from './routing-check';

/** One handler per event the registry routes to the investor service, named after it. */
const investorHandlers = eventTypesConsumedBy('investor').map((type) => ({ type, name: `${type} handler` }));

describe(checkHandlers.name, () => {
  it('accepts a service that handles exactly what is routed to it', () => {
    expect(() => checkHandlers('investor', investorHandlers)).not.toThrow();
  });

  it('refuses to start when a routed event has no handler', () => {
    const allBut = investorHandlers.filter((handler) => handler.type !== 'user.profile-changed');
    expect(() => checkHandlers('investor', allBut)).toThrow(
      new EventRoutingError('investor event wiring is broken: no handler for user.profile-changed'),
    );
  });

  it('refuses two handlers for one event', () => {
    expect(() => checkHandlers('investor', [...investorHandlers, { type: 'user.registered', name: 'B' }])).toThrow(
      'user.registered has 2 handlers: user.registered handler, B',
    );
  });

  it('refuses a handler for an event that is not routed to the service', () => {
    const listing = eventTypesConsumedBy('project-listing').map((type) => ({ type, name: `${type} handler` }));
    expect(() => checkHandlers('project-listing', [...listing, { type: 'user.registered', name: 'Stray' }])).toThrow(
      'Stray handles user.registered, which the registry does not route to project-listing',
    );
  });
});
