import { Redis } from 'ioredis';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { DemoChild } from './child-process';
import { portOrAny } from './ports';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** How to get Redis, printed when none answers and `redis-server` is not installed. */
export const HOW_TO_GET_REDIS = [
  'The demo needs Redis. Either:',
  '  sudo apt-get install redis-server        (Debian/Ubuntu; the demo then starts a throwaway one by itself)',
  '  docker run --rm -p 6379:6379 redis:7     (then run the demo again)',
  'or point REDIS_URL at a running one: REDIS_URL=redis://host:6379 npm run demo',
].join('\n');

export class RedisUnavailableError extends Error {
  readonly code = 'redis_unavailable';
}

export interface DemoRedis {
  url: string;
  /** The throwaway redis-server the demo started, or null when one was already answering at the given URL. */
  server: DemoChild | null;
  stop(): Promise<void>;
}

/** `redis://:***@host:port`: a URL fit for printing. */
export const withoutPassword = (url: string): string => url.replace(/\/\/([^@/]*)@/, '//***@');

/** A command in RESP (the Redis wire format). */
const resp = (...args: string[]) => `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;

/**
 * Whether a Redis server answers PING at `url` within `timeoutMs` (a bare socket: nothing retries or lingers
 * after the answer; `AUTH` first when the URL has a password, TLS for `rediss://`).
 */
export function redisAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
  const parsed = new URL(url);
  const port = Number(parsed.port || 6379);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const password = decodeURIComponent(parsed.password);
  const username = decodeURIComponent(parsed.username);
  const commands = (password ? resp('AUTH', ...(username ? [username] : []), password) : '') + resp('PING');
  return new Promise((resolve) => {
    const socket: Socket = parsed.protocol === 'rediss:' ? tlsConnect({ host, port, servername: host }) : connect({ host, port });
    let answer = '';
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once(parsed.protocol === 'rediss:' ? 'secureConnect' : 'connect', () => socket.write(commands));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('utf8');
      // A password the server does not need is only a warning (as ioredis treats it); PING decides.
      if (answer.includes('+PONG')) done(true);
      else if (/-(NOAUTH|WRONGPASS)/.test(answer)) done(false);
    });
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });
}

/** The absolute path of an executable `name` on `PATH`, or null. */
export function findOnPath(name: string, path: string): string | null {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * Redis for the demo: the one at `url` when it answers; else a throwaway `redis-server` (no persistence) on a
 * free loopback port when one is on `path`; else a RedisUnavailableError saying how to get Redis.
 */
export async function ensureRedis(url: string, path: string): Promise<DemoRedis> {
  if (await redisAnswers(url)) return { url, server: null, stop: async () => undefined };
  const binary = findOnPath('redis-server', path);
  if (binary === null) throw new RedisUnavailableError(`Nothing answers at REDIS_URL=${withoutPassword(url)} and redis-server is not installed.\n${HOW_TO_GET_REDIS}`);

  const port = await portOrAny(0);
  const dir = mkdtempSync(join(tmpdir(), 'zmp-demo-redis-'));
  const server = new DemoChild('redis-server', binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { PATH: path });
  const stop = async () => {
    await server.stop(3_000);
    rmSync(dir, { recursive: true, force: true });
  };
  const ownUrl = `redis://127.0.0.1:${port}`;
  try {
    await server.waitForLine(/Ready to accept connections/, 10_000);
    if (!(await redisAnswers(ownUrl))) throw new Error(`redis-server on port ${port} does not answer PING; its last lines:\n${server.tail()}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: ownUrl, server, stop };
}

/** Deletes every key under `prefix` (the demo's run: job-events records, streams, Bull's queues, rate limits). */
export async function deleteKeys(url: string, prefix: string): Promise<number> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  client.on('error', () => undefined);
  let deleted = 0;
  try {
    const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await client.unlink(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    client.disconnect();
  }
}

/** How many keys are under `prefix` (what the spec checks after a run). */
export async function countKeys(url: string, prefix: string): Promise<number> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    const keys = await client.keys(`${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`);
    return keys.length;
  } finally {
    client.disconnect();
  }
}
