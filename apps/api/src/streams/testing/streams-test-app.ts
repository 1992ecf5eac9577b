import { Global, Module } from '@nestjs/common';
import type { JobStore, NotificationStore } from '@zmp-manual/job-events';
import { JOB_STORE, MANUALS_PATHS, NOTIFICATION_STORE } from '../../api.tokens';
import type { ManualsPaths } from '../../api.tokens';
import { startApiTestApp, testConfig } from '../../testing/api-test-app';
import type { ApiTestApp } from '../../testing/api-test-app';

export { as } from '../../testing/api-test-app';

/** The one CORS origin the streams specs allow (`ALLOWED_ORIGINS`). */
export const FRONTEND_ORIGIN = 'https://frontend.example';

/** `MANUALS_PATHS` stand-in (the manuals module's): paths by `solution/pageId`, and every lookup it was asked. */
export class FakeManualsPaths implements ManualsPaths {
  readonly paths = new Map<string, string>();
  readonly lookups: string[] = [];

  async titlePath(solution: string, pageId: string): Promise<string | null> {
    this.lookups.push(`${solution}/${pageId}`);
    return this.paths.get(`${solution}/${pageId}`) ?? null;
  }
}

export interface StreamsTestApp extends ApiTestApp {
  jobs: JobStore;
  notifications: NotificationStore;
  paths: FakeManualsPaths;
}

/**
 * For the streams and notifications specs: the shared spec app (testing/api-test-app.ts) with `modules`, a
 * `MANUALS_PATHS` stand-in, short SSE timings (no heartbeats, a 50 ms grace period) and `FRONTEND_ORIGIN` as
 * the allowed CORS origin; `env` overrides them.
 */
export async function startStreamsTestApp(name: string, modules: NonNullable<Parameters<typeof startApiTestApp>[1]['imports']>, env: Record<string, string> = {}): Promise<StreamsTestApp> {
  const config = testConfig(name, { SSE_HEARTBEAT_MS: '0', SSE_PING_EVENT_MS: '0', SSE_CLOSE_DELAY_MS: '50', ALLOWED_ORIGINS: FRONTEND_ORIGIN, ...env });
  const paths = new FakeManualsPaths();

  @Global()
  @Module({ providers: [{ provide: MANUALS_PATHS, useValue: paths }], exports: [MANUALS_PATHS] })
  class FakeManualsModule {}

  const api = await startApiTestApp(config, { imports: [FakeManualsModule, ...modules] });
  return { ...api, jobs: api.app.get<JobStore>(JOB_STORE), notifications: api.app.get<NotificationStore>(NOTIFICATION_STORE), paths };
}
