import { IsIn, IsInt, IsUUID, Matches, Max, Min } from 'class-validator';

/** A campaign's money so far, as the pledge service counts it (committed pledges). */
export class CampaignProgressV1 {
  @IsUUID()
  projectId!: string;

  @Matches(/^[A-Z]{3}$/)
  currency!: string;

  /** Integer minor units. */
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  raised!: number;

  @IsInt()
  @Min(0)
  pledgeCount!: number;
}

export const CAMPAIGN_OUTCOMES = ['FUNDED', 'FAILED'] as const;
export type CampaignOutcome = (typeof CAMPAIGN_OUTCOMES)[number];

/** The campaign's outcome once nothing is still being collected (domain-rules.md §2). */
export class CampaignClosedV1 extends CampaignProgressV1 {
  @IsIn(CAMPAIGN_OUTCOMES)
  outcome!: CampaignOutcome;
}
