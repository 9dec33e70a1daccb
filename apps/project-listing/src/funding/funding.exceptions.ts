/** An event about a campaign this service has no project for: retried, then dead-lettered. */
export class UnknownCampaignError extends Error {
  constructor(projectId: string) {
    super(`No project ${projectId} for this campaign event`);
  }
}

/** The pledge service counted in another currency than the project's: a bug, never applied. */
export class CampaignCurrencyMismatchError extends Error {
  constructor(projectId: string, expected: string, got: string) {
    super(`Campaign ${projectId} reported ${got} for a project raising ${expected}`);
  }
}
