import { Module } from '@nestjs/common';

/** Prometheus /metrics. (to be built) */
@Module({})
export class MetricsModule {}
