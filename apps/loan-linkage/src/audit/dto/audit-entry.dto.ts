import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@crowdlink/platform';
import { IsOptional, IsUUID } from 'class-validator';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this user’s actions' })
  @IsOptional()
  @IsUUID()
  actorId?: string;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) actorId!: string;
  @ApiProperty() actorRole!: string;
  @ApiProperty({ nullable: true, type: String }) organizationId!: string | null;
  @ApiProperty({ example: 'loan.offered' }) action!: string;
  @ApiProperty({ example: 'loan' }) subjectType!: string;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty() details!: Record<string, unknown>;
  @ApiProperty() at!: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
