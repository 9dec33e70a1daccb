/**
 * What the seeded data sets of bench:search and bench:matching draw from: the sectors, places,
 * stages and kinds a project is filed under and an investor states as preferences.
 */
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

export const REGIONS = [
  { region: 'Zhejiang', jurisdiction: 'CN', currency: 'CNY' },
  { region: 'Guangdong', jurisdiction: 'CN', currency: 'CNY' },
  { region: 'Jiangsu', jurisdiction: 'CN', currency: 'CNY' },
  { region: 'Beijing', jurisdiction: 'CN', currency: 'CNY' },
  { region: 'Shanghai', jurisdiction: 'CN', currency: 'CNY' },
  { region: 'Sichuan', jurisdiction: 'CN', currency: 'CNY' },
  { region: 'California', jurisdiction: 'US', currency: 'USD' },
  { region: 'New York', jurisdiction: 'US', currency: 'USD' },
  { region: 'Texas', jurisdiction: 'US', currency: 'USD' },
  { region: 'Bavaria', jurisdiction: 'EU', currency: 'EUR' },
  { region: 'Île-de-France', jurisdiction: 'EU', currency: 'EUR' },
  { region: 'Catalonia', jurisdiction: 'EU', currency: 'EUR' },
] as const;

export const STAGES = ['IDEA', 'SEED', 'EARLY', 'GROWTH'] as const;

export const KINDS = ['EQUITY', 'REWARD', 'DONATION'] as const;
