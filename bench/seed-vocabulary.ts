/**
 * What the seeded data sets of bench:search and bench:matching draw from: the sectors, places,
 * stages and kinds a project is filed under and an investor states as preferences.
 */
import { Jurisdiction, policyOf } from '@crowdlink/compliance';

export const SECTORS = [
  'agriculture',
  'textiles',
  'robotics',
  'energy',
  'healthcare',
  'education',
  'fintech',
  'food',
  'logistics',
  'biotech',
  'consumer',
  'media',
] as const;

/** Each place's jurisdiction; a project there raises in the jurisdiction's currency (policyOf). */
const PLACES: readonly (readonly [string, Jurisdiction])[] = [
  ['Zhejiang', 'CN'],
  ['Guangdong', 'CN'],
  ['Jiangsu', 'CN'],
  ['Beijing', 'CN'],
  ['Shanghai', 'CN'],
  ['Sichuan', 'CN'],
  ['California', 'US'],
  ['New York', 'US'],
  ['Texas', 'US'],
  ['Bavaria', 'EU'],
  ['Île-de-France', 'EU'],
  ['Catalonia', 'EU'],
];

export const REGIONS = PLACES.map(([region, jurisdiction]) => ({
  region,
  jurisdiction,
  currency: policyOf(jurisdiction).currency,
}));

export const STAGES = ['IDEA', 'SEED', 'EARLY', 'GROWTH'] as const;

export const KINDS = ['EQUITY', 'REWARD', 'DONATION'] as const;
