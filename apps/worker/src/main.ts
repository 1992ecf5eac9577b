import { Logger } from '@nestjs/common';
import { createWorkerApp } from './bootstrap';
import { ConfigError } from '@zmp-manual/app-config';
import { loadWorkerConfig } from './config/load-worker-config';
import { installSignalHandlers } from './shutdown/install-signal-handlers';
import type { WorkerConfig } from './worker.tokens';
import { PUBLISH_QUEUE } from './worker.tokens';

/** The configuration, or exit 1 with one line naming the bad variables (no stack, no value). */
function configOrExit(): WorkerConfig {
  try {
    return loadWorkerConfig(process.env);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `Invalid worker configuration: ${(error as Error).message}`);
    process.exit(1);
  }
}

/** The Redis URL without its password. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(redis url)';
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const app = await createWorkerApp(config);
  installSignalHandlers(app, config.shutdownGraceMs);
  await app.listen(config.healthPort, '0.0.0.0');
  const { port } = app.getHttpServer().address() as { port: number };
  new Logger('Worker').log(
    `zmp-manual worker ${config.workerName}: queue "${PUBLISH_QUEUE}" (concurrency ${config.concurrency}) on ${redactUrl(config.redisUrl)} prefix "${config.keyPrefix}"; health on http://0.0.0.0:${port}/health`,
  );
}

main().catch((error: Error) => {
  console.error(`zmp-manual worker failed to start: ${error.message}`);
  process.exit(1);
});
