import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { EventBus } from '../src/event-bus';
import { EventBusError } from '../src/errors';
import { compareStreamIds } from '../src/stream-id';
import { redisFixture, take } from './redis-fixture';

const fixture = redisFixture();
// Two buses with separate connections: what two API processes do.
const busA = new EventBus({ redis: fixture.connect(), createReader: fixture.connect, keyPrefix: fixture.prefix });
const busB = new EventBus({ redis: fixture.connect(), createReader: fixture.connect, keyPrefix: fixture.prefix, blockMs: 60_000 });

afterAll(async () => {
  await busA.close();
  await busB.close();
  await fixture.cleanup();
});

const publishMany = async (bus: EventBus, stream: string, from: number, to: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let n = from; n <= to; n += 1) ids.push(await bus.publish({ stream, type: 'status', data: { n } }));
  return ids;
};

describe('EventBus on the real Redis', () => {
  it('delivers events published by one bus to subscribers of another, in order, with their stream ids', async () => {
    const sub = busB.subscribe({ stream: 'job:order' });
    await sub.ready;
    const received = take(sub, 200);
    const ids = await publishMany(busA, 'job:order', 1, 200);
    const events = await received;
    expect(events.map((e) => e.id)).toEqual(ids);
    expect(events.map((e) => (e.data as { n: number }).n)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(events.every((e) => e.stream === 'job:order' && e.type === 'status')).toBe(true);
  });

  it('resumes after a Last-Event-ID with exactly the missed events, then follows live', async () => {
    const ids = await publishMany(busA, 'job:resume', 1, 10);
    const sub = busB.subscribe({ stream: 'job:resume', after: ids[3] });
    const iterator = sub[Symbol.asyncIterator]();
    const replayed: number[] = [];
    for (let i = 0; i < 6; i += 1) replayed.push(((await iterator.next()).value.data as { n: number }).n);
    expect(replayed).toEqual([5, 6, 7, 8, 9, 10]);
    await publishMany(busA, 'job:resume', 11, 12);
    expect(((await iterator.next()).value.data as { n: number }).n).toBe(11);
    expect(((await iterator.next()).value.data as { n: number }).n).toBe(12);
    await iterator.return?.();
    expect(sub.endReason).toBe('closed');
  });

  it('loses and repeats nothing when subscribers join (with and without a resume id) while events are being published', async () => {
    const total = 300;
    const publishing = publishMany(busA, 'job:handoff', 1, total);
    // Join at different moments, each resuming from whatever id the stream had reached.
    const joined: Promise<number[]>[] = [];
    for (let j = 0; j < 6; j += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const last = await fixture.connect().xrevrange(`${fixture.prefix}job:handoff`, '+', '-', 'COUNT', 1);
      const after = last[0]?.[0] ?? '0-0';
      const expectedFirst = last.length === 0 ? 1 : (JSON.parse(last[0][1][3]) as { n: number }).n + 1;
      const bus = j % 2 === 0 ? busA : busB;
      const sub = bus.subscribe({ stream: 'job:handoff', after });
      joined.push(take(sub, total - expectedFirst + 1).then((events) => [expectedFirst, ...events.map((e) => (e.data as { n: number }).n)]));
    }
    await publishing;
    for (const result of await Promise.all(joined)) {
      const [first, ...seen] = result;
      expect(seen).toEqual(Array.from({ length: total - first + 1 }, (_, i) => first + i));
    }
  });

  it('drops a subscriber that never reads, at its buffer limit, while the others get every event', async () => {
    const stuck = busB.subscribe({ stream: 'job:slow', bufferSize: 10 });
    const fast = busB.subscribe({ stream: 'job:slow' });
    await Promise.all([stuck.ready, fast.ready]);
    const received = take(fast, 100);
    let maxBuffered = 0;
    for (let n = 1; n <= 100; n += 1) {
      await busA.publish({ stream: 'job:slow', type: 'status', data: { n } });
      maxBuffered = Math.max(maxBuffered, stuck.buffered);
    }
    expect((await received).map((e) => (e.data as { n: number }).n)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(maxBuffered).toBeLessThanOrEqual(10);
    expect(stuck.endReason).toBe('slow_consumer');
    expect(stuck.buffered).toBe(0); // its memory is released at once
    const iterator = stuck[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toMatchObject({ code: 'slow_consumer', stream: 'job:slow' });
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('starts following a new stream at once while its reader is blocked (wake-up, not the 60 s block timeout)', async () => {
    const first = busB.subscribe({ stream: 'job:wake-1' });
    await first.ready;
    await new Promise((resolve) => setTimeout(resolve, 50)); // the reader is now blocked on job:wake-1
    const second = busB.subscribe({ stream: 'job:wake-2' });
    await second.ready;
    const got = take(second, 1);
    await busA.publish({ stream: 'job:wake-2', type: 'status', data: { n: 1 } });
    expect((await got)[0].data).toEqual({ n: 1 });
    first.close();
  });

  it('merges several streams with a cursor that resumes all of them exactly', async () => {
    const merged = busB.subscribeMany({ streams: ['notifications:ann', 'notifications:*'] });
    await merged.ready;
    const got = take(merged, 3);
    await busA.publish({ stream: 'notifications:ann', type: 'notification', data: 'a1' });
    await busA.publish({ stream: 'notifications:*', type: 'notification', data: 's1' });
    await busA.publish({ stream: 'notifications:ann', type: 'notification', data: 'a2' });
    const events = await got;
    expect(events.map((e) => e.data)).toEqual(['a1', 's1', 'a2']);
    const cursorAfterFirst = events[0].cursor;
    const resumed = busA.subscribeMany({ streams: ['notifications:ann', 'notifications:*'], after: cursorAfterFirst });
    // Order is kept within a stream; across streams, ids are not comparable.
    expect((await take(resumed, 2)).map((e) => e.data).sort()).toEqual(['a2', 's1']);
    expect(events[2].cursor.split(',').map((id, i) => compareStreamIds(id, events[i === 0 ? 2 : 1].id))).toEqual([0, 0]);
  });

  it('serves 100 subscribers on 10 streams with one reader connection (one blocking XREAD per process)', async () => {
    const readerName = `job-events-test-${randomUUID()}`;
    let readersMade = 0;
    const readers: Redis[] = [];
    const createReader = () => {
      readersMade += 1;
      const reader = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 2, connectionName: readerName });
      readers.push(reader);
      return reader;
    };
    const admin = fixture.connect();
    /** This bus's reader connections on the server: [blocked?] per connection named `readerName`. */
    const readerClients = async () =>
      String(await admin.call('CLIENT', 'LIST'))
        .split('\n')
        .filter((line) => line.includes(` name=${readerName} `))
        .map((line) => /\bflags=\S*b/.test(line));
    const bus = new EventBus({ redis: fixture.connect(), createReader, keyPrefix: fixture.prefix });
    try {
      const streams = Array.from({ length: 10 }, (_, i) => `job:fanout-${i}`);
      const subscribers = Array.from({ length: 100 }, (_, i) => ({ stream: streams[i % 10], sub: bus.subscribe({ stream: streams[i % 10] }) }));
      await Promise.all(subscribers.map(({ sub }) => sub.ready));
      expect(bus.stats()).toEqual({ streams: 10, subscribers: 100 });
      const received = Promise.all(subscribers.map(({ sub }) => take(sub, 1)));
      const published = await Promise.all(streams.map((stream) => busA.publish({ stream, type: 'status', data: { stream } })));
      const events = await received;
      subscribers.forEach(({ stream }, i) => {
        expect(events[i]).toHaveLength(1);
        expect(events[i][0]).toMatchObject({ stream, type: 'status', data: { stream }, id: published[streams.indexOf(stream)] });
      });
      expect(readersMade).toBe(1);
      // Exactly one connection of this bus is on the server, and it is (back) in its blocking XREAD.
      let clients = await readerClients();
      while (!(clients.length === 1 && clients[0])) {
        expect(clients).toHaveLength(1);
        await new Promise((resolve) => setTimeout(resolve, 10));
        clients = await readerClients();
      }
    } finally {
      await bus.close();
      await Promise.all(readers.map((reader) => reader.quit().catch(() => undefined)));
    }
  });

  it('rejects resume ids that are not stream ids', () => {
    expect(() => busA.subscribe({ stream: 'job:x', after: 'abc' })).toThrow(EventBusError);
    expect(() => busA.subscribeMany({ streams: ['a', 'b'], after: '1-0' })).toThrow(expect.objectContaining({ code: 'invalid_event_id' }));
  });

  it('forgets streams nobody follows and ends every subscription with bus_closed on close', async () => {
    const bus = new EventBus({ redis: fixture.connect(), createReader: fixture.connect, keyPrefix: fixture.prefix });
    const a = bus.subscribe({ stream: 'job:close-a' });
    const b = bus.subscribe({ stream: 'job:close-b' });
    await Promise.all([a.ready, b.ready]);
    expect(bus.stats()).toEqual({ streams: 2, subscribers: 2 });
    a.close();
    expect(bus.stats()).toEqual({ streams: 1, subscribers: 1 });
    const iterator = b[Symbol.asyncIterator]();
    const pending = expect(iterator.next()).rejects.toMatchObject({ code: 'bus_closed' });
    await bus.close();
    await pending;
    expect(() => bus.subscribe({ stream: 'job:close-a' })).toThrow(expect.objectContaining({ code: 'bus_closed' }));
  });
});
