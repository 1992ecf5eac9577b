/**
 * Event bus benchmark: N concurrent subscribers on one process (one EventBus = one Redis reader), events
 * published from another connection (a worker), publish→deliver latency and throughput.
 *
 *   npx tsx --tsconfig tools/bench/tsconfig.json tools/bench/src/events.bench.ts [--subscribers 5000] [--streams 50] [--events 2000]
 *
 * (`--tsconfig` resolves @zmp-manual/job-events to its sources; without it, build the lib first:
 * `npx nx build job-events`.) Needs Redis on 127.0.0.1:6379 (or --redis-url). Writes bench-results.json.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { EventBus, jobStream } from '@zmp-manual/job-events';
import { Redis } from 'ioredis';
import type { BenchRow } from './report';
import { formatTable, writeResults } from './report';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '5000' },
    streams: { type: 'string', default: '50' },
    events: { type: 'string', default: '2000' },
    'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
  },
});
const subscriberCount = Number(values.subscribers);
const streamCount = Number(values.streams);
const eventCount = Number(values.events);
const prefix = `bench:events:${randomUUID()}:`;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const heapUsed = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

async function main(): Promise<void> {
  const api = new Redis(values['redis-url']);
  const worker = new Redis(values['redis-url']);
  const bus = new EventBus({ redis: api, keyPrefix: prefix, subscriberBufferSize: 10_000 });
  const publisher = new EventBus({ redis: worker, keyPrefix: prefix });
  const streams = Array.from({ length: streamCount }, (_, i) => jobStream(`bench-${i}`));

  let latencies: number[] = [];
  let delivered = 0;
  let onDelivered: (() => void) | null = null;
  const heapBefore = heapUsed();
  const subscriptions = Array.from({ length: subscriberCount }, (_, i) => bus.subscribe({ stream: streams[i % streamCount] }));
  await Promise.all(subscriptions.map((s) => s.ready));
  const consumers = subscriptions.map(async (subscription) => {
    for await (const event of subscription) {
      latencies.push(Number(process.hrtime.bigint() - BigInt((event.data as { sentAt: string }).sentAt)) / 1e6);
      delivered += 1;
      onDelivered?.();
    }
  });
  const bytesPerSubscriber = (heapUsed() - heapBefore) / subscriberCount;

  const waitForDeliveries = (target: number) =>
    new Promise<void>((resolve) => {
      if (delivered >= target) return resolve();
      onDelivered = () => {
        if (delivered >= target) {
          onDelivered = null;
          resolve();
        }
      };
    });
  const fanOut = subscriberCount / streamCount;
  const publish = (n: number) => publisher.publish({ stream: streams[n % streamCount], type: 'status', data: { n, sentAt: String(process.hrtime.bigint()) } });

  // Paced: one event at a time, each delivered to every subscriber of its stream before the next.
  const paced = Math.min(200, eventCount);
  for (let n = 0; n < paced; n += 1) {
    await publish(n);
    await waitForDeliveries((n + 1) * fanOut);
  }
  const pacedLatency = [...latencies].sort((a, b) => a - b);

  // Burst: every event published as fast as the connection takes them (up to 100 in flight).
  latencies = [];
  delivered = 0;
  const started = process.hrtime.bigint();
  for (let n = 0; n < eventCount; n += 100) {
    await Promise.all(Array.from({ length: Math.min(100, eventCount - n) }, (_, i) => publish(n + i)));
  }
  const publishedNs = Number(process.hrtime.bigint() - started);
  await waitForDeliveries(eventCount * fanOut);
  const totalNs = Number(process.hrtime.bigint() - started);
  const burstLatency = [...latencies].sort((a, b) => a - b);

  const rows: BenchRow[] = [
    { metric: 'subscribers on one bus (one Redis reader)', unit: 'count', ours: subscriberCount, note: `${streamCount} streams, ${fanOut} subscribers each` },
    { metric: 'memory per idle subscriber', unit: 'bytes', ours: Math.round(bytesPerSubscriber), note: (globalThis as { gc?: unknown }).gc ? 'heap after gc' : 'heap, no --expose-gc: rough' },
    { metric: 'paced: publish→deliver latency p50', unit: 'ms', ours: percentile(pacedLatency, 50), note: `${paced} events, one at a time` },
    { metric: 'paced: publish→deliver latency p99', unit: 'ms', ours: percentile(pacedLatency, 99) },
    { metric: 'burst: events published', unit: 'events/s', ours: Math.round(eventCount / (publishedNs / 1e9)), note: `${eventCount} events, 100 in flight` },
    { metric: 'burst: deliveries to subscribers', unit: 'deliveries/s', ours: Math.round((eventCount * fanOut) / (totalNs / 1e9)), note: `${eventCount * fanOut} deliveries` },
    { metric: 'burst: publish→deliver latency p50', unit: 'ms', ours: percentile(burstLatency, 50) },
    { metric: 'burst: publish→deliver latency p99', unit: 'ms', ours: percentile(burstLatency, 99) },
  ];
  const section = { name: 'events', rows };
  console.log(formatTable([section]));
  await writeResults(section);

  for (const subscription of subscriptions) subscription.close();
  await Promise.all(consumers);
  await bus.close();
  await publisher.close();
  for (let cursor = '0'; ; ) {
    const [next, keys] = await api.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await api.unlink(...keys);
    if ((cursor = next) === '0') break;
  }
  await Promise.all([api.quit(), worker.quit()]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
