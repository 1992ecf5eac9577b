import { Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { Notification } from '@zmp-manual/job-events';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/auth.decorators';
import { parseInput } from '../errors/zod-input';
import { notificationLatestQuerySchema, notificationListQuerySchema } from './notifications-query.schema';
import { NotificationsService } from './notifications.service';

export interface StatusAck {
  status: 'success';
}

/** The older router's notification routes plus the newest's read/clear, per caller. */
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>): Promise<Notification[]> {
    return this.notifications.list(user, parseInput(notificationListQuerySchema, query, 'query'));
  }

  /** A notification or JSON `null` (sent as text: Nest would answer a returned `null` with an empty body). */
  @Get('latest')
  @Header('Content-Type', 'application/json; charset=utf-8')
  async latest(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>): Promise<string> {
    return JSON.stringify(await this.notifications.latest(user, parseInput(notificationLatestQuerySchema, query, 'query')));
  }

  @Post(':notification_id/read')
  @HttpCode(200)
  async markRead(@CurrentUser() user: AuthUser, @Param('notification_id') id: string): Promise<StatusAck> {
    await this.notifications.markRead(user, id);
    return { status: 'success' };
  }

  @Post('clear')
  @HttpCode(200)
  async clear(@CurrentUser() user: AuthUser): Promise<StatusAck> {
    await this.notifications.clear(user);
    return { status: 'success' };
  }
}
