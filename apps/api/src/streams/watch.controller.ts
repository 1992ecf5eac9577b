import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { AllowTicket, CurrentUser } from '../auth/auth.decorators';
import { WatchStreamService } from './watch-stream.service';

/** `GET /watch/{job_id}` (SSE). The response is written by the stream, never by Nest (`@Res()`). */
@Controller()
export class WatchController {
  constructor(private readonly watchStream: WatchStreamService) {}

  @Get('watch/:job_id')
  @AllowTicket()
  watch(@CurrentUser() user: AuthUser, @Param('job_id') jobId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.watchStream.watch(user, jobId, req, res);
  }
}
