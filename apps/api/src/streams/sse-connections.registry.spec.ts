import type { SseEndReason, SseSession } from '@zmp-manual/job-events';
import type { ApiConfig } from '../api.tokens';
import { ApiError } from '../errors/api-error';
import { SseConnectionsRegistry } from './sse-connections.registry';

const registryWith = (maxConnections: number, maxPerUser: number) =>
  new SseConnectionsRegistry({ sse: { heartbeatMs: 0, pingEventMs: 0, closeDelayMs: 0, maxConnections, maxPerUser } } as ApiConfig);

/** A session that ends when closed (or when `end` is called). */
function fakeSession(): SseSession & { end(reason?: SseEndReason): void; closed: number } {
  let end!: (reason: SseEndReason) => void;
  const done = new Promise<SseEndReason>((resolve) => (end = resolve));
  const session = {
    done,
    closed: 0,
    close: () => {
      session.closed += 1;
      end('aborted');
    },
    end: (reason: SseEndReason = 'client_closed') => end(reason),
  };
  return session;
}

const refusal = (fn: () => unknown): ApiError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SseConnectionsRegistry', () => {
  it('refuses a user over the per-user cap with 429, Retry-After 5 and the detail the client shows', () => {
    const registry = registryWith(10, 2);
    registry.acquire('watch', 'ann');
    registry.acquire('notifications', 'ann');
    const error = refusal(() => registry.acquire('watch', 'ann'));
    expect(error.status).toBe(429);
    expect(error.detail).toBe('Too many open streams for this user (max 2); close one and retry');
    expect(error.headers).toEqual({ 'Retry-After': '5' });
    expect(() => registry.acquire('watch', 'bob')).not.toThrow();
  });

  it('refuses anyone over the per-process cap', () => {
    const registry = registryWith(2, 5);
    registry.acquire('watch', 'ann');
    registry.acquire('watch', 'bob');
    const error = refusal(() => registry.acquire('notifications', 'cid'));
    expect(error.status).toBe(429);
    expect(error.detail).toBe('Too many open streams on this server (max 2); retry shortly');
    expect(error.headers).toEqual({ 'Retry-After': '5' });
  });

  it('counts open streams by kind and releases each exactly once, whether by hand or when its session is done', async () => {
    const registry = registryWith(10, 2);
    const first = registry.acquire('watch', 'ann');
    const second = registry.acquire('notifications', 'ann');
    expect(registry.open()).toEqual({ watch: 1, notifications: 1 });
    first.release();
    first.release();
    expect(registry.open()).toEqual({ watch: 0, notifications: 1 });
    expect(registry.openFor('ann')).toBe(1);

    const session = fakeSession();
    second.attach(session);
    second.release(); // a release racing the session's end does not count twice
    session.end();
    await settle();
    expect(registry.open()).toEqual({ watch: 0, notifications: 0 });
    expect(registry.openFor('ann')).toBe(0);
    registry.acquire('watch', 'ann');
    registry.acquire('watch', 'ann');
    expect(registry.open()).toEqual({ watch: 2, notifications: 0 });
  });

  it('gives the slot back when the session fails', async () => {
    const registry = registryWith(10, 1);
    const lease = registry.acquire('watch', 'ann');
    const failing: SseSession = { done: Promise.reject(new Error('redis down')), close: () => undefined };
    failing.done.catch(() => undefined);
    lease.attach(failing);
    await settle();
    expect(registry.openFor('ann')).toBe(0);
  });

  it('closes every open session at shutdown, waits for them, and refuses new streams with 503', async () => {
    const registry = registryWith(10, 5);
    const sessions = [fakeSession(), fakeSession(), fakeSession()];
    for (const [i, session] of sessions.entries()) registry.acquire(i === 0 ? 'watch' : 'notifications', `user-${i}`).attach(session);
    expect(registry.open()).toEqual({ watch: 1, notifications: 2 });

    await registry.beforeApplicationShutdown();
    expect(sessions.map((s) => s.closed)).toEqual([1, 1, 1]);
    await settle();
    expect(registry.open()).toEqual({ watch: 0, notifications: 0 });
    const error = refusal(() => registry.acquire('watch', 'ann'));
    expect(error.status).toBe(503);
  });
});
