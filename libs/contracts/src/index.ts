export * from './event-envelope';
export * from './event-registry';
export * from './events/campaign.events';
export * from './events/project.events';
export * from './events/user.events';
export * from './queues';
export * from './services';
