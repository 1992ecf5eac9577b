import { Module } from '@nestjs/common';
import { PublishModule } from '../publish/publish.module';
import { HealthController } from './health.controller';

@Module({ imports: [PublishModule], controllers: [HealthController] })
export class HealthModule {}
