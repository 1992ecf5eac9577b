import { Module } from '@nestjs/common';

/** Health routes. (to be built) */
@Module({})
export class HealthModule {}
