import { Controller, Get, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { Public, RequireRole } from '../auth/auth.decorators';
import { NotionWebhookService } from './notion-webhook.service';
import { rawBodyOf } from './raw-body';
import type { RawBodyRequest } from './raw-body';
import type { VerificationBody, VerificationEcho, WebhookAnswer } from './webhook.wire';

/** `POST /webhook/notion/{solution}` (Notion signs it: no user token) and the stored handshake for admins. */
@Controller('webhook/notion')
export class NotionWebhookController {
  constructor(private readonly webhooks: NotionWebhookService) {}

  @Post(':solution')
  @Public()
  @HttpCode(200)
  receive(
    @Param('solution') solution: string,
    @Req() request: RawBodyRequest,
    @Headers('x-notion-signature') signature: unknown,
  ): Promise<WebhookAnswer | VerificationEcho> {
    return this.webhooks.receive(solution, rawBodyOf(request), signature);
  }

  @Get(':solution/verification')
  @RequireRole('admin')
  verification(@Param('solution') solution: string): Promise<VerificationBody> {
    return this.webhooks.verification(solution);
  }
}
