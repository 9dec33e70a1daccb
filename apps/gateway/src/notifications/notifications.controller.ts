import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@crowdlink/auth';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationIdParams } from './dto/notification-id.params';
import { MarkedReadDto, NotificationDto, NotificationPageDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

/** Any signed-in user, whatever the role, sees and marks only their own notifications. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentUser() caller: AuthenticatedUser, @Query() query: ListNotificationsQuery): Promise<NotificationPageDto> {
    return this.notifications.list(caller.id, query);
  }

  // declared before :id/read so that "read-all" is never taken for an id
  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedReadDto })
  readAll(@CurrentUser() caller: AuthenticatedUser): Promise<MarkedReadDto> {
    return this.notifications.markAllRead(caller.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto })
  read(@CurrentUser() caller: AuthenticatedUser, @Param() { id }: NotificationIdParams): Promise<NotificationDto> {
    return this.notifications.markRead(caller.id, id);
  }
}
