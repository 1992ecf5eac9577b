import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { API_VERSION } from '../api-version';
import { Public } from '../auth/auth.decorators';
import { ReadinessService } from './readiness.service';
import type { ReadinessBody } from './readiness.service';

export interface HealthBody {
  status: 'healthy';
  version: string;
  timestamp: string;
}

/**
 * Health for people (the original's `GET /health`) and for Kubernetes probes. Every path answers under
 * `APP_ROOT` and at the root (health/root-aliases.middleware.ts). Public, never rate limited.
 */
@Controller('health')
@Public()
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** The original service's shape; `timestamp` is UTC ISO (docs/decisions/0003). */
  @Get()
  health(): HealthBody {
    return { status: 'healthy', version: API_VERSION, timestamp: new Date().toISOString() };
  }

  /** Liveness: the process answers. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: Redis answers PING within a second; 503 with the reason otherwise. */
  @Get('ready')
  async ready(@Res() response: Response): Promise<void> {
    const body: ReadinessBody = await this.readiness.check();
    response.status(body.status === 'ready' ? 200 : 503).json(body);
  }
}
