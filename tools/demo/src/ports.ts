import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** Listens on `port` for a moment: the port it got (0 = any free one), or null when `port` is taken. */
function probe(port: number, host: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(null);
      else reject(error);
    });
    server.listen(port, host, () => {
      const { port: got } = server.address() as AddressInfo;
      server.close(() => resolve(got));
    });
  });
}

/** `preferred` when it is free right now, else any free port (0 = any free port at once). */
export async function portOrAny(preferred: number, host = '127.0.0.1'): Promise<number> {
  if (preferred !== 0) {
    const got = await probe(preferred, host);
    if (got !== null) return got;
  }
  const any = await probe(0, host);
  if (any === null) throw new Error(`no free TCP port on ${host}`);
  return any;
}

/** Starts a server on `port`, or on a free port when that one is taken. */
export async function onPortOrAny<T>(port: number, start: (port: number) => Promise<T>): Promise<T> {
  try {
    return await start(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    return start(0);
  }
}
