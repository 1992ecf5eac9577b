import { Logger } from '@nestjs/common';
import { createWorkerApp } from './bootstrap';
import { loadConfigOrExit, withoutPassword } from '@zmp-manual/app-config';
import { loadWorkerConfig } from './config/load-worker-config';
import { installSignalHandlers } from './shutdown/install-signal-handlers';
import { PUBLISH_QUEUE } from './worker.tokens';

async function main(): Promise<void> {
  const config = loadConfigOrExit('worker', () => loadWorkerConfig(process.env));
  const app = await createWorkerApp(config);
  installSignalHandlers(app, config.shutdownGraceMs);
  await app.listen(config.healthPort, '0.0.0.0');
  const { port } = app.getHttpServer().address() as { port: number };
  new Logger('Worker').log(
    `zmp-manual worker ${config.workerName}: queue "${PUBLISH_QUEUE}" (concurrency ${config.concurrency}) on ${withoutPassword(config.redisUrl)} prefix "${config.keyPrefix}"; health on http://0.0.0.0:${port}/health`,
  );
}

main().catch((error: Error) => {
  console.error(`zmp-manual worker failed to start: ${error.message}`);
  process.exit(1);
});
