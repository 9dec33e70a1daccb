import { ApiProperty } from '@nestjs/swagger';
import { ProjectUpdate } from '../project-update.entity';

export class UpdateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(update: ProjectUpdate): UpdateDto {
    return {
      id: update.id,
      projectId: update.projectId,
      title: update.title,
      body: update.body,
      createdAt: update.createdAt.toISOString(),
    };
  }
}
