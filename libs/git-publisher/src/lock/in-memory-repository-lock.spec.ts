import { GitPublisherError } from '../errors/git-publisher-error';
import { InMemoryRepositoryLock } from './in-memory-repository-lock';
import { withRepositoryLock } from './with-repository-lock';

/** Resolves after the microtasks queued so far (and those they queue) have run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('InMemoryRepositoryLock', () => {
  it('grants a busy key to its waiters one at a time, first come first served', async () => {
    const lock = new InMemoryRepositoryLock();
    const order: string[] = [];
    const first = await lock.acquire('repo#main');
    const second = lock.acquire('repo#main').then((handle) => (order.push('second'), handle));
    const third = lock.acquire('repo#main').then((handle) => (order.push('third'), handle));
    await settle();
    expect(order).toEqual([]);

    await first.release();
    const secondHandle = await second;
    await settle();
    expect(order).toEqual(['second']);
    await secondHandle.release();
    await (await third).release();
    expect(order).toEqual(['second', 'third']);
  });

  it('does not make different keys wait for each other', async () => {
    const lock = new InMemoryRepositoryLock();
    const main = await lock.acquire('repo#main');
    const develop = await lock.acquire('repo#develop', { waitMs: 0 });
    expect(develop.key).toBe('repo#develop');
    await Promise.all([main.release(), develop.release()]);
  });

  it('fails with lock_timeout after waitMs and lets the next waiter in later', async () => {
    const lock = new InMemoryRepositoryLock();
    const held = await lock.acquire('k');
    const error = await lock.acquire('k', { waitMs: 20 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitPublisherError);
    expect((error as GitPublisherError).toJSON()).toMatchObject({ code: 'lock_timeout', key: 'k', waitMs: 20 });
    await expect(lock.acquire('k', { waitMs: 0 })).rejects.toMatchObject({ code: 'lock_timeout' });

    const next = lock.acquire('k');
    await held.release();
    await expect(next).resolves.toMatchObject({ key: 'k' });
  });

  it('stops waiting with aborted when the signal fires, and the queue moves on without it', async () => {
    const lock = new InMemoryRepositoryLock();
    const held = await lock.acquire('k');
    const controller = new AbortController();
    const cancelled = lock.acquire('k', { signal: controller.signal });
    const after = lock.acquire('k');
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ code: 'aborted', details: { key: 'k' } });
    await held.release();
    await expect(after).resolves.toMatchObject({ key: 'k' });
    await expect(lock.acquire('x', { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'aborted' });
  });

  it('aborts the handle signal on release, and a second release changes nothing', async () => {
    const lock = new InMemoryRepositoryLock();
    const handle = await lock.acquire('k');
    expect(handle.signal.aborted).toBe(false);
    const waiter = lock.acquire('k');
    await handle.release();
    expect(handle.signal.aborted).toBe(true);
    const next = await waiter;
    await handle.release(); // must not free the key held by `next`
    await expect(lock.acquire('k', { waitMs: 0 })).rejects.toMatchObject({ code: 'lock_timeout' });
    await next.release();
  });
});

describe('withRepositoryLock', () => {
  it('serialises sections on one key and runs sections on different keys together', async () => {
    const lock = new InMemoryRepositoryLock();
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const section = (name: string, key: string, wait?: Promise<void>) =>
      withRepositoryLock(lock, key, async () => {
        events.push(`start ${name}`);
        await wait;
        events.push(`end ${name}`);
        return name;
      });

    const a = section('a', 'repo#main', gate);
    const b = section('b', 'repo#main');
    const c = section('c', 'repo#develop');
    await settle();
    expect(events).toEqual(['start a', 'start c', 'end c']);
    release();
    expect(await Promise.all([a, b, c])).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['start a', 'start c', 'end c', 'end a', 'start b', 'end b']);
  });

  it('releases the lock when the section throws, and rethrows its error', async () => {
    const lock = new InMemoryRepositoryLock();
    const boom = new Error('boom');
    await expect(withRepositoryLock(lock, 'k', () => Promise.reject(boom))).rejects.toBe(boom);
    await expect(lock.acquire('k', { waitMs: 0 })).resolves.toMatchObject({ key: 'k' });
  });
});
