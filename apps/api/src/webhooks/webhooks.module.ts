import { Module } from '@nestjs/common';

/** Notion webhooks. (to be built) */
@Module({})
export class WebhooksModule {}
