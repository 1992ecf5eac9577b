import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { GracefulShutdown, HANDBACK_WAIT_MS } from './graceful-shutdown.service';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * SIGTERM/SIGINT: drain the publish jobs (see GracefulShutdown), close the application (queues, HTTP,
 * Redis), exit 0. A second signal, or a stop that outlasts the grace period by far, exits 1 at once.
 * Nest's `enableShutdownHooks` is not used: Bull's close would wait for a running job without limit.
 */
export function installSignalHandlers(app: INestApplication, graceMs: number, exit: (code: number) => void = (code) => process.exit(code)): () => void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting now`);
      exit(1);
      return;
    }
    stopping = true;
    logger.log(`${signal}: stopping (grace period ${graceMs} ms)`);
    const deadline = setTimeout(() => {
      logger.error('the stop took too long; exiting');
      exit(1);
    }, graceMs + HANDBACK_WAIT_MS + 15_000);
    deadline.unref();
    void (async () => {
      try {
        await app.get(GracefulShutdown).drain();
        await app.close();
        logger.log('stopped');
        exit(0);
      } catch (error) {
        logger.error(`stop failed: ${(error as Error).message}`);
        exit(1);
      } finally {
        clearTimeout(deadline);
      }
    })();
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}
