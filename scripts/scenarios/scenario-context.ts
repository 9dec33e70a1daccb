import { Credentials } from './identity.steps';
import { MarketplaceClient } from './marketplace-client';

/** What every scenario is played with. */
export interface ScenarioContext {
  client: MarketplaceClient;
  adminCredentials: Credentials;
  /** Makes this play's emails and registration numbers its own, so scenarios can be replayed on one database. */
  runTag: string;
}

export const DAY_MS = 24 * 3600 * 1000;

/** Opens a few seconds from now, so that the review happens first and the opening is seen happening. */
export function openingSoon(now = new Date()): Date {
  return new Date(now.getTime() + 3_000);
}
