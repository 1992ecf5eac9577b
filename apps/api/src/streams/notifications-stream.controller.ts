import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { AllowTicket, CurrentUser } from '../auth/auth.decorators';
import { parseInput } from '../errors/zod-input';
import { notificationStreamQuerySchema } from '../notifications/notifications-query.schema';
import { NotificationsStreamService } from './notifications-stream.service';

/** `GET /notifications/stream?include_read=false` (SSE). The response is written by the stream (`@Res()`). */
@Controller()
export class NotificationsStreamController {
  constructor(private readonly notificationsStream: NotificationsStreamService) {}

  @Get('notifications/stream')
  @AllowTicket()
  stream(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): void {
    const { include_read } = parseInput(notificationStreamQuerySchema, query, 'query');
    this.notificationsStream.stream(user, include_read, req, res);
  }
}
