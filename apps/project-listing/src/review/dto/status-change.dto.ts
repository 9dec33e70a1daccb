import { ApiProperty } from '@nestjs/swagger';
import { ProjectStatusChange } from '../project-status-change.entity';

export class StatusChangeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() action!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null when the platform moved it' }) by!: string | null;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty() projectVersion!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;

  static of(change: ProjectStatusChange): StatusChangeDto {
    return {
      id: change.id,
      action: change.action,
      from: change.fromStatus,
      to: change.toStatus,
      by: change.actorId,
      notes: change.notes,
      projectVersion: change.projectVersion,
      at: change.createdAt.toISOString(),
    };
  }
}
