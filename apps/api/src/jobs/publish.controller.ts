import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequireRole } from '../auth/auth.decorators';
import { PublishService } from './publish.service';

@Controller()
export class PublishController {
  constructor(private readonly publishing: PublishService) {}

  /** `POST /publish` → `{"job_id": "<uuid>"}` (the original's answer), the job queued under the caller's name. */
  @Post('publish')
  @HttpCode(200)
  @RequireRole('publisher')
  publish(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<{ job_id: string }> {
    return this.publishing.publish(this.publishing.parse(body), user);
  }
}
