import { ArrayMaxSize, IsArray, IsString, IsUUID, Length } from 'class-validator';

/**
 * The investor service found investors whose preferences match a project that went live.
 * The gateway notifies each of them; at most 100 per event (a longer list is split).
 */
export class InvestorMatchesFoundV1 {
  @IsUUID()
  projectId!: string;

  @IsString()
  @Length(1, 200)
  projectTitle!: string;

  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  investorIds!: string[];
}
