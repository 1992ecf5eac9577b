import { Redis } from 'ioredis';
import { RedisCommandError } from '../src/errors';
import { EventBus } from '../src/event-bus';
import { JobStore } from '../src/job.store';
import { NotificationStore } from '../src/notification.store';
import { RedisLock } from '../src/redis-lock';

// A connection that was closed: every command fails at once.
const down = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true });
down.disconnect();
const keyPrefix = 'test:job-events:never-written:';

describe('Redis failures at the public API', () => {
  it('come out as RedisCommandError (code redis_error) naming the call, with ioredis’ error as the cause', async () => {
    const calls: [string, Promise<unknown>][] = [
      ['JobStore.get', new JobStore({ redis: down, keyPrefix }).get('j')],
      ['JobStore.update', new JobStore({ redis: down, keyPrefix }).update('j', { message: 'm' })],
      ['JobStore.list', new JobStore({ redis: down, keyPrefix }).list()],
      ['NotificationStore.list', new NotificationStore({ redis: down, keyPrefix }).list('ann')],
      ['EventBus.publish', new EventBus({ redis: down, keyPrefix }).publish({ stream: 'job:j', type: 'status', data: 1 })],
      ['RedisLock.acquire', new RedisLock({ redis: down, keyPrefix }).acquire('k', { waitMs: 0 })],
    ];
    for (const [operation, call] of calls) {
      const error = await call.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RedisCommandError);
      expect((error as RedisCommandError).toJSON()).toEqual({ name: 'RedisCommandError', code: 'redis_error', operation, message: expect.stringContaining(`${operation} failed: `) });
      expect((error as RedisCommandError).cause).toBeInstanceOf(Error);
    }
  });
});
