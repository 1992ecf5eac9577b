import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { ReadinessService } from './readiness.service';

/** `GET /health` (the original's), `/health/live` and `/health/ready` (Redis), under `APP_ROOT` and at the root. */
@Module({ controllers: [HealthController], providers: [ReadinessService] })
export class HealthModule {}
