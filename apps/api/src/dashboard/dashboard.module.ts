import { Module } from '@nestjs/common';

/**
 * The queue dashboard has no Nest provider or controller: bull-board is an Express app that bootstrap mounts
 * through `mountDashboard` (mount-dashboard.ts), behind its own admins-only check, using the app's queues and
 * `REQUEST_AUTHENTICATOR`.
 */
@Module({})
export class DashboardModule {}
