import 'reflect-metadata';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';
import type { WorkerConfig } from './worker.tokens';

export interface CreateWorkerAppOptions {
  /** Nest log levels (default log, warn, error). */
  logLevels?: LogLevel[];
}

/**
 * Builds the worker from a parsed configuration. Its HTTP server carries health and metrics only. Shutdown
 * hooks are not enabled: `installSignalHandlers` stops the worker (Bull would hang on a running job).
 */
export async function createWorkerApp(config: WorkerConfig, options: CreateWorkerAppOptions = {}): Promise<INestApplication> {
  return NestFactory.create(WorkerModule.forRoot(config), {
    logger: options.logLevels ?? ['log', 'warn', 'error'],
    forceCloseConnections: true,
  });
}
