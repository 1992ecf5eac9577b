import type { INestApplication } from '@nestjs/common';
import { installSignalHandlers } from './install-signal-handlers';

describe('installSignalHandlers', () => {
  const steps: string[] = [];
  let release: () => void = () => undefined;
  const app = {
    get: () => ({
      drain: () => {
        steps.push('drain');
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    }),
    close: async () => {
      steps.push('close');
    },
  } as unknown as INestApplication;

  it('drains, closes and exits 0 on SIGTERM; a second signal exits 1 at once', async () => {
    const exits: number[] = [];
    const uninstall = installSignalHandlers(app, 1_000, (code) => exits.push(code));
    try {
      process.emit('SIGTERM', 'SIGTERM');
      expect(steps).toEqual(['drain']);
      process.emit('SIGINT', 'SIGINT');
      expect(exits).toEqual([1]);
      release();
      await new Promise((resolve) => setImmediate(resolve));
      expect(steps).toEqual(['drain', 'close']);
      expect(exits).toEqual([1, 0]);
    } finally {
      uninstall();
    }
  });
});
