import { EventBus } from '../src/event-bus';
import { JobStore } from '../src/job.store';
import { watchJobSse } from '../src/job-watch.sse';
import { SseChannel } from '../src/sse-channel';
import { CaptureSink } from './capture-sink';
import { redisFixture } from './redis-fixture';

const start = new Date('2025-05-20T10:00:00.000Z');

afterEach(() => jest.useRealTimers());

describe('SSE timing defaults (fake timers)', () => {
  it('writes the first heartbeat comment at 15 000 ms when no heartbeatMs is given, and not before', () => {
    jest.useFakeTimers({ now: start });
    const sink = new CaptureSink();
    const channel = new SseChannel(sink, { pingEventMs: 0 });
    jest.advanceTimersByTime(14_999);
    expect(sink.chunks).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(sink.chunks).toEqual([': ping - 2025-05-20T10:00:15.000Z\n\n']);
    jest.advanceTimersByTime(15_000);
    expect(sink.chunks.at(-1)).toBe(': ping - 2025-05-20T10:00:30.000Z\n\n');
    expect(sink.chunks).toHaveLength(2);
    channel.finish();
  });

  it('writes the original’s `event: ping` every 10 000 ms when no pingEventMs is given', () => {
    jest.useFakeTimers({ now: start });
    const sink = new CaptureSink();
    const channel = new SseChannel(sink, { heartbeatMs: 0 });
    jest.advanceTimersByTime(9_999);
    expect(sink.chunks).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(sink.chunks).toEqual(['event: ping\ndata: ping - 2025-05-20T10:00:10.000Z\n\n']);
    channel.finish();
  });

  describe('job watch stream', () => {
    const fixture = redisFixture();
    const redis = fixture.connect();
    const jobs = new JobStore({ redis, keyPrefix: fixture.prefix });
    const bus = new EventBus({ redis, createReader: fixture.connect, keyPrefix: fixture.prefix });

    afterAll(async () => {
      await bus.close();
      await fixture.cleanup();
    });

    it('waits 15 000 ms between `event: done` and the final ping when no closeDelayMs is given', async () => {
      await jobs.create({ job_id: 'grace-default' });
      await jobs.update('grace-default', { status: 'cancelled' });
      // Redis replies arrive through socket I/O, which fake timers leave alone; setImmediate stays real to poll.
      jest.useFakeTimers({ now: start, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
      const sink = new CaptureSink();
      const session = watchJobSse({ bus, jobs, jobId: 'grace-default', sink, heartbeatMs: 0, pingEventMs: 0 });
      let ended: string | null = null;
      void session.done.then((reason) => (ended = reason));
      while (!sink.text.includes('event: done')) await new Promise((resolve) => setImmediate(resolve));
      const afterDone = sink.chunks.length;
      await jest.advanceTimersByTimeAsync(14_999);
      expect(sink.chunks).toHaveLength(afterDone);
      expect(ended).toBeNull();
      await jest.advanceTimersByTimeAsync(1);
      expect(sink.chunks.slice(afterDone)).toEqual(['event: ping\ndata: final - 2025-05-20T10:00:15.000Z\n\n']);
      expect(await session.done).toBe('terminal');
      expect(sink.ended).toBe(true);
    });
  });
});
