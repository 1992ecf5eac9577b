import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';

/** Builds the worker; its HTTP server carries health (and later metrics) only, never public routes. */
export async function createWorkerApp(): Promise<INestApplication> {
  return NestFactory.create(WorkerModule, { logger: ['error', 'warn'] });
}
