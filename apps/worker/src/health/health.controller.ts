import { InjectQueue } from '@nestjs/bull';
import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import type { Queue } from 'bull';
import { Redis } from 'ioredis';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLISH_QUEUE, REDIS } from '../worker.tokens';

/** The worker's version, from its package.json (the same relative path from src/ and dist/). */
const VERSION = (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;

const CHECK_TIMEOUT_MS = 2_000;

type CheckState = 'up' | 'down';

async function check(probe: () => Promise<unknown>): Promise<CheckState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/** The worker's only HTTP surface besides metrics: health for people (as the original) and for Kubernetes probes. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @InjectQueue(PUBLISH_QUEUE) private readonly queue: Queue,
  ) {}

  /** The original service's shape. */
  @Get()
  health(): { status: 'healthy'; version: string; timestamp: string } {
    return { status: 'healthy', version: VERSION, timestamp: new Date().toISOString() };
  }

  /** Liveness: the process answers. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: Redis answers PING and the publish queue's connection is ready; 503 otherwise. */
  @Get('ready')
  async ready(): Promise<{ status: 'ok'; checks: Record<string, CheckState> }> {
    const [redis, queue] = await Promise.all([
      check(() => this.redis.ping()),
      check(async () => {
        if (this.queue.client.status !== 'ready') throw new Error(this.queue.client.status);
        await this.queue.client.ping();
      }),
    ]);
    const checks = { redis, queue };
    if (redis !== 'up' || queue !== 'up') throw new ServiceUnavailableException({ status: 'unavailable', checks });
    return { status: 'ok', checks };
  }
}
