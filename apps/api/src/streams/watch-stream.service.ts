import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventBus, JobStore, lastEventIdFrom, watchJobSse } from '@zmp-manual/job-events';
import type { Request, Response } from 'express';
import { API_CONFIG, EVENT_BUS, JOB_STORE, MANUALS_PATHS } from '../api.tokens';
import type { ApiConfig, ManualsPaths } from '../api.tokens';
import { mayAccess } from '../auth/auth-user';
import type { AuthUser } from '../auth/auth-user';
import { ApiError } from '../errors/api-error';
import { SseStreamLauncher } from './sse-stream.launcher';
import { watchTitleTransform } from './watch-title.transform';

/** `GET /watch/{id}`: a job's progress as the original's SSE stream, for its owner or an admin. */
@Injectable()
export class WatchStreamService {
  private readonly logger = new Logger('WatchStream');

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(JOB_STORE) private readonly jobs: JobStore,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(MANUALS_PATHS) private readonly paths: ManualsPaths,
    private readonly launcher: SseStreamLauncher,
  ) {}

  /** 404 / 403 / 429 as JSON before any SSE byte; then the stream (job-events' `watchJobSse`). */
  async watch(user: AuthUser, jobId: string, req: Request, res: Response): Promise<void> {
    const record = await this.jobs.get(jobId);
    if (!record) throw ApiError.notFound('Job not found', 'job_not_found');
    if (!mayAccess(user, record.initiated_by)) throw ApiError.forbidden('Not authorized to watch this job', 'watch_forbidden');
    const { heartbeatMs, pingEventMs, closeDelayMs } = this.config.sse;
    const lastEventId = lastEventIdFrom({ headers: req.headers, query: req.query });
    const transform = watchTitleTransform(this.paths, (error) => {
      this.logger.warn(`title path of job ${jobId} unavailable: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.launcher.launch('watch', user, req, res, (sink) =>
      watchJobSse({ bus: this.bus, jobs: this.jobs, jobId, sink, lastEventId, heartbeatMs, pingEventMs, closeDelayMs, transform }),
    );
  }
}
