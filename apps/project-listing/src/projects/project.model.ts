import { Jurisdiction } from '@crowdlink/compliance';

/** The vocabulary of a project (api.md "Projects"). Values are stored: never rename one. */
export const PROJECT_KINDS = ['EQUITY', 'REWARD', 'DONATION'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const PROJECT_STAGES = ['IDEA', 'SEED', 'EARLY', 'GROWTH'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const FUNDING_MODELS = ['ALL_OR_NOTHING', 'KEEP_IT_ALL'] as const;
export type FundingModel = (typeof FUNDING_MODELS)[number];

export const PROJECT_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'CHANGES_REQUESTED',
  'APPROVED',
  'LIVE',
  'FUNDED',
  'FAILED',
  'REJECTED',
  'WITHDRAWN',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Statuses in which anyone may see a project; before them only its owner and admins. */
export const PUBLIC_STATUSES: readonly ProjectStatus[] = ['APPROVED', 'LIVE', 'FUNDED', 'FAILED', 'WITHDRAWN'];

/** The founder may change the terms only while the platform is not looking at them. */
export const EDITABLE_STATUSES: readonly ProjectStatus[] = ['DRAFT', 'CHANGES_REQUESTED'];

export const IP_ASSET_TYPES = [
  'INVENTION_PATENT',
  'UTILITY_MODEL',
  'DESIGN_PATENT',
  'TRADEMARK',
  'COPYRIGHT',
  'SOFTWARE_COPYRIGHT',
] as const;
export type IpAssetType = (typeof IP_ASSET_TYPES)[number];

export type { Jurisdiction };
