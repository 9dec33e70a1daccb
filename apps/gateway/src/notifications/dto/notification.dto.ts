import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_TYPES, NotificationRow, NotificationType } from '../notification.model';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type!: NotificationType;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ description: 'ids and figures a client may link to (projectId, pledgeId, complaintId, …)' })
  data!: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt!: string | null;

  static of(row: NotificationRow): NotificationDto {
    return {
      id: row.id,
      type: row.type,
      title: row.title,
      body: row.body,
      data: row.data,
      createdAt: row.created_at.toISOString(),
      readAt: row.read_at?.toISOString() ?? null,
    };
  }
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty({ description: "the caller's unread notifications, whatever the filter" }) unreadCount!: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'notifications that were unread and are read now' }) marked!: number;
}
