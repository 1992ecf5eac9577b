import { Module } from '@nestjs/common';
import { NotionWebhookController } from './notion-webhook.controller';
import { NotionWebhookService } from './notion-webhook.service';
import { WebhookStateStore } from './webhook-state.store';

/**
 * Notion webhooks: HMAC over the raw body before anything else, the subscription handshake kept for admins,
 * event-id de-duplication and a per-page debounced `notion-refresh` job for the worker. Needs the raw body
 * (`express.raw` on `${APP_ROOT}/webhook/notion`, mounted by bootstrap) and the core module's queues.
 */
@Module({
  controllers: [NotionWebhookController],
  providers: [NotionWebhookService, WebhookStateStore],
})
export class WebhooksModule {}
