import { checkHandlers, EventRoutingError } from './routing-check';

describe(checkHandlers.name, () => {
  it('accepts a service that handles exactly what is routed to it', () => {
    expect(() =>
      checkHandlers('investor', [
        { type: 'user.registered', name: 'UserRegisteredHandler' },
        { type: 'user.profile-changed', name: 'UserProfileChangedHandler' },
        { type: 'pledge.committed', name: 'PledgeCommittedHandler' },
        { type: 'pledge.cancelled', name: 'PledgeCancelledHandler' },
        { type: 'project.live', name: 'ProjectLiveHandler' },
        { type: 'project.withdrawn', name: 'ProjectWithdrawnHandler' },
        { type: 'campaign.progress', name: 'CampaignProgressHandler' },
        { type: 'campaign.closed', name: 'CampaignClosedHandler' },
      ]),
    ).not.toThrow();
  });

  it('refuses to start when a routed event has no handler', () => {
    const allBut = [
      { type: 'user.registered' as const, name: 'UserRegisteredHandler' },
      { type: 'pledge.committed' as const, name: 'PledgeCommittedHandler' },
      { type: 'pledge.cancelled' as const, name: 'PledgeCancelledHandler' },
      { type: 'project.live' as const, name: 'ProjectLiveHandler' },
      { type: 'project.withdrawn' as const, name: 'ProjectWithdrawnHandler' },
      { type: 'campaign.progress' as const, name: 'CampaignProgressHandler' },
      { type: 'campaign.closed' as const, name: 'CampaignClosedHandler' },
    ];
    expect(() => checkHandlers('investor', allBut)).toThrow(
      new EventRoutingError('investor event wiring is broken: no handler for user.profile-changed'),
    );
  });

  it('refuses two handlers for one event', () => {
    expect(() =>
      checkHandlers('investor', [
        { type: 'user.registered', name: 'A' },
        { type: 'user.registered', name: 'B' },
        { type: 'user.profile-changed', name: 'C' },
        { type: 'pledge.committed', name: 'D' },
        { type: 'pledge.cancelled', name: 'E' },
      ]),
    ).toThrow('user.registered has 2 handlers: A, B');
  });

  it('refuses a handler for an event that is not routed to the service', () => {
    expect(() => checkHandlers('pledge', [{ type: 'user.registered', name: 'Stray' }])).toThrow(
      'Stray handles user.registered, which the registry does not route to pledge',
    );
  });
});
