import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP port free right now on loopback (the API cannot report the port it took with PORT=0, so the
 * harness picks one): the OS assigns it, the probe closes, the API binds it a moment later.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
