import { Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { EventBus } from '../src/event-bus';
import type { Subscription } from '../src/subscription';
import { redisFixture } from './redis-fixture';
import { TcpProxy } from './tcp-proxy';

const fixture = redisFixture();
const publisher = new EventBus({ redis: fixture.connect(), keyPrefix: fixture.prefix });
let proxy: TcpProxy;

beforeAll(async () => {
  proxy = await TcpProxy.start();
});

afterAll(async () => {
  await publisher.close();
  await proxy.close();
  await fixture.cleanup();
});

/** A bus whose reader goes through the proxy (only the reader: publishing stays direct). */
function busBehindProxy(stream: string, readerOptions: RedisOptions, blockMs?: number) {
  const readers: Redis[] = [];
  const errors: unknown[] = [];
  const bus = new EventBus({
    redis: fixture.connect(),
    keyPrefix: fixture.prefix,
    blockMs,
    onError: (error) => errors.push(error),
    createReader: () => {
      const reader = new Redis({ host: '127.0.0.1', port: proxy.port, retryStrategy: () => 20, disconnectTimeout: 200, ...readerOptions });
      readers.push(reader);
      return reader;
    },
  });
  const subscription = bus.subscribe({ stream });
  const received: number[] = [];
  const consumed = consume(subscription, received);
  const publish = async (from: number, to: number) => {
    for (let n = from; n <= to; n += 1) await publisher.publish({ stream, type: 'status', data: n });
  };
  const until = async (count: number) => {
    while (received.length < count) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  return { bus, subscription, received, consumed, publish, until, readers, errors };
}

/** Reads every event into `into`; resolves with the error that ended the subscription (or null). */
async function consume(subscription: Subscription, into: number[]): Promise<unknown> {
  try {
    for await (const event of subscription) into.push(event.data as number);
    return null;
  } catch (error) {
    return error;
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('EventBus reader across connection failures', () => {
  it.each<[string, RedisOptions]>([
    ['re-sends its XREAD after reconnecting (ioredis default)', {}],
    ['abandons the XREAD its connection dropped (autoResendUnfulfilledCommands: false)', { autoResendUnfulfilledCommands: false }],
  ])('resumes from its last id after a Redis restart and loses or repeats nothing: %s', async (_, readerOptions) => {
    const t = busBehindProxy(`job:restart-${String(readerOptions.autoResendUnfulfilledCommands)}`, readerOptions);
    await t.subscription.ready;
    await t.publish(1, 10);
    await t.until(10);
    proxy.restart(); // the reader's connection drops; reconnecting fails for a while
    await t.publish(11, 20); // published while this process could not read
    await new Promise((resolve) => setTimeout(resolve, 200));
    proxy.up();
    await t.publish(21, 30);
    await t.until(30);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(t.received).toEqual(range(1, 30));
    expect(t.errors.length).toBeGreaterThan(0); // told, not hidden
    await t.bus.close();
  }, 10_000);

  it('drops a connection that stops answering (half-open) and reads on through a new one', async () => {
    const t = busBehindProxy('job:half-open', {}, 200);
    await t.subscription.ready;
    await t.publish(1, 3);
    await t.until(3);
    const before = proxy.connections;
    proxy.freeze(); // no reply, no close: the blocked XREAD would wait for ever
    await t.publish(4, 6);
    await t.until(6);
    expect(t.received).toEqual(range(1, 6));
    expect(proxy.connections).toBeGreaterThan(before);
    await t.bus.close();
  }, 10_000);

  it('replaces a reader connection that ended for good', async () => {
    const t = busBehindProxy('job:ended', { retryStrategy: () => null });
    await t.subscription.ready;
    await t.publish(1, 2);
    await t.until(2);
    proxy.restart();
    await new Promise((resolve) => setTimeout(resolve, 50));
    proxy.up();
    await t.publish(3, 4);
    await t.until(4);
    expect(t.received).toEqual(range(1, 4));
    expect(t.readers.length).toBeGreaterThanOrEqual(2);
    expect(t.readers[0].status).toBe('end');
    await t.bus.close();
  }, 10_000);

  it('closes at once even while its reader is reconnecting', async () => {
    const t = busBehindProxy('job:close-reconnecting', {});
    await t.subscription.ready;
    proxy.restart();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await t.bus.close(); // would wait for ever on the pending XREAD
    expect(await t.consumed).toMatchObject({ code: 'bus_closed' });
    proxy.up();
  }, 10_000);
});
