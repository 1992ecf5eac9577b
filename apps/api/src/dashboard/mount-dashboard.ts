import { getQueueToken } from '@nestjs/bull';
import type { INestApplication } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { MAINTENANCE_QUEUE, PUBLISH_QUEUE } from '@zmp-manual/queue-contract';
import type { Queue } from 'bull';
import type { Router } from 'express';
import { REQUEST_AUTHENTICATOR } from '../api.tokens';
import type { ApiConfig, RequestAuthenticator } from '../api.tokens';
import { dashboardAuth } from './dashboard-auth.middleware';
import { DashboardSession } from './dashboard-session';

/** Where the dashboard answers: `${APP_ROOT}/admin/queues`. */
export const dashboardPath = (config: ApiConfig) => `${config.appRoot}/admin/queues`;

/**
 * Mounts bull-board for the publish and maintenance queues at `${APP_ROOT}/admin/queues`, behind the admins-only
 * check of dashboard-auth.middleware.ts (called by bootstrap after the app is created, before `listen`). It
 * uses the app's own Bull queues (producers: the API never takes a job) and its `REQUEST_AUTHENTICATOR`.
 */
export function mountDashboard(app: INestApplication, config: ApiConfig): void {
  const basePath = dashboardPath(config);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: [PUBLISH_QUEUE, MAINTENANCE_QUEUE].map((name) => new BullAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'zmp-manual queues' } },
  });
  const auth = dashboardAuth({
    authenticator: app.get<RequestAuthenticator>(REQUEST_AUTHENTICATOR),
    session: new DashboardSession(config.downloads.secret),
    adminRole: config.auth.adminRole,
    basePath,
  });
  app.use(basePath, auth, serverAdapter.getRouter() as Router);
}
