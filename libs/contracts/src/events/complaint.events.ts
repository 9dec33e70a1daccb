import { IsISO8601, IsString, IsUUID, Length } from 'class-validator';

/**
 * An admin resolved an investor's complaint about a project (domain-rules.md §4). The
 * aggregate is the complaint; its version counts the lines of its history (FILED is 1).
 */
export class ComplaintResolvedV1 {
  @IsUUID()
  complaintId!: string;

  @IsUUID()
  projectId!: string;

  /** The investor who filed the complaint. */
  @IsUUID()
  complainantId!: string;

  @IsString()
  @Length(1, 20_000)
  resolution!: string;

  @IsISO8601({ strict: true })
  resolvedAt!: string;
}
