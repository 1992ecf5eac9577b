import { Module } from '@nestjs/common';

/** The queue dashboard for admins. (to be built) */
@Module({})
export class DashboardModule {}
