import { currencyExponent } from '@crowdlink/domain';

/** What scoring needs of an investor: their stated preferences, ticket in minor units of `currency`. */
export interface MatchInvestor {
  sectors: readonly string[];
  stages: readonly string[];
  regions: readonly string[];
  kinds: readonly string[];
  ticketMin: number;
  ticketMax: number;
  /** The profile's currency; the ticket is compared only with projects raising in it. */
  currency: string | null;
}

/** What scoring needs of a project: its terms and how much room is left under the cap. */
export interface MatchProject {
  sector: string;
  stage: string;
  region: string;
  kind: string;
  currency: string;
  minPledge: number;
  maxAmount: number;
  raised: number;
  closesAt: Date;
}

export interface MatchScore {
  /** 0–100, an integer. */
  score: number;
  /** Short sentences, one per criterion that earned points, then the time left. */
  reasons: string[];
}

/*
 * Weights, out of 100. Sector is what investors choose first and know best, so it weighs
 * most; stage (risk profile), region (where they can help and follow) and kind (equity,
 * reward or donation: a different reason to give money at all) next; a ticket that fits
 * decides whether the investor can take part at all, so it weighs as much as each of those;
 * time left only breaks ties between otherwise equal projects, a little, so that a project
 * about to close does not crowd out a better one with weeks to run.
 */
export const MATCH_WEIGHTS = {
  sector: 30,
  stage: 15,
  region: 15,
  kind: 15,
  /** the whole ticket range fits: ticketMax ≥ minimum pledge and ticketMin ≤ room left */
  ticket: 15,
  /** ticketMax reaches the minimum pledge, but the room left is below ticketMin */
  ticketPartial: 5,
  /** 14 days or more to run */
  timeAmple: 10,
  /** 3 to 13 days to run */
  timeShort: 5,
} as const;

const DAY_MS = 24 * 3600 * 1000;

export interface ScoreOptions {
  /**
   * Whether the reasons may state the investor's ticket range. Yes for the investor's own
   * recommendations; never for a founder's view of matched investors, who sees no figure
   * of an investor's money at all.
   */
  discloseTicket: boolean;
}

/** Scores one investor against one project, at `now`. Pure: same inputs, same answer. */
export function scoreMatch(
  investor: MatchInvestor,
  project: MatchProject,
  now: Date,
  { discloseTicket }: ScoreOptions = { discloseTicket: true },
): MatchScore {
  let score = 0;
  const reasons: string[] = [];
  if (investor.sectors.includes(project.sector)) {
    score += MATCH_WEIGHTS.sector;
    reasons.push(`sector ${project.sector} matches`);
  }
  if (investor.stages.includes(project.stage)) {
    score += MATCH_WEIGHTS.stage;
    reasons.push(`stage ${project.stage} matches`);
  }
  if (investor.regions.includes(project.region)) {
    score += MATCH_WEIGHTS.region;
    reasons.push(`region ${project.region} matches`);
  }
  if (investor.kinds.includes(project.kind)) {
    score += MATCH_WEIGHTS.kind;
    reasons.push(`kind ${project.kind} matches`);
  }
  if (investor.currency === project.currency) {
    const room = Math.max(0, project.maxAmount - project.raised);
    const ticket = discloseTicket
      ? `ticket ${formatAmount(investor.ticketMin, project.currency)}–${formatAmount(investor.ticketMax, project.currency)}`
      : 'ticket size';
    if (investor.ticketMax >= project.minPledge && investor.ticketMin <= room) {
      score += MATCH_WEIGHTS.ticket;
      reasons.push(
        discloseTicket
          ? `${ticket} fits minimum pledge ${formatAmount(project.minPledge, project.currency)}`
          : `${ticket} fits the minimum pledge and the room left`,
      );
    } else if (investor.ticketMax >= project.minPledge && room >= project.minPledge) {
      score += MATCH_WEIGHTS.ticketPartial;
      reasons.push(
        discloseTicket
          ? `${ticket} reaches minimum pledge, ${formatAmount(room, project.currency)} left`
          : `${ticket} reaches the minimum pledge`,
      );
    }
  }
  const msLeft = project.closesAt.getTime() - now.getTime();
  if (msLeft > 0) {
    const days = Math.floor(msLeft / DAY_MS);
    if (days >= 14) score += MATCH_WEIGHTS.timeAmple;
    else if (days >= 3) score += MATCH_WEIGHTS.timeShort;
    reasons.push(days === 0 ? 'closes within a day' : `closes in ${days} day${days === 1 ? '' : 's'}`);
  }
  return { score, reasons };
}

/**
 * An amount in major units with thousands separators, as people read it in a sentence:
 * 500000 USD cents → "5,000", 123456 → "1,234.56", 1200 JPY → "1,200". The currency's
 * minor-unit exponent (JPY 0, most 2) comes from one place, @crowdlink/domain. Integer
 * arithmetic only.
 */
export function formatAmount(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = BigInt(Math.abs(minor))
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = exponent > 0 ? digits.slice(digits.length - exponent) : '';
  const sign = minor < 0 ? '-' : '';
  return /^0*$/.test(fraction) ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/** Best first; equal scores in a stable order by id, so pages never repeat or skip. */
export function compareRanked(a: { score: number; id: string }, b: { score: number; id: string }): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
