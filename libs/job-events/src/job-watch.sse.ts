import { EventBusError } from './errors';
import type { EventBus } from './event-bus';
import type { PublishStatus } from './job-record';
import { toPublishStatus } from './job-record';
import { isJobState, isTerminalJobState } from './job-state';
import type { JobStore } from './job.store';
import { JOB_STATUS_EVENT } from './job.store';
import { jobStream } from './keys';
import { runSseSession } from './sse-channel';
import type { SseChannel } from './sse-channel';
import type { SseEndReason, SseSession, SseSink, SseTimingOptions } from './sse-channel';
import { compareStreamIds, isStreamId } from './stream-id';

export interface JobWatchSseOptions extends SseTimingOptions {
  bus: EventBus;
  jobs: JobStore;
  jobId: string;
  sink: SseSink;
  /** From `lastEventIdFrom(request)`: resume after this event instead of starting with the current status. */
  lastEventId?: string;
  /** Changes the status before it is sent (e.g. the original's full title path) without touching the record. */
  transform?: (status: PublishStatus) => PublishStatus | Promise<PublishStatus>;
  /** Wait between the final status and closing, pings going on (default 15 000 ms, as the original; 0 = none). */
  closeDelayMs?: number;
  /** Live events this client may have waiting before it is dropped (default: the bus's). */
  bufferSize?: number;
}

const isTerminalStatus = (status: PublishStatus) => isJobState(status.status) && isTerminalJobState(status.status);

/**
 * `GET /watch/{job_id}` as the original's clients expect it (seed contract §4.1, B6), over the event bus:
 * - first the current status as an unnamed `data:` event (id = the stream id it corresponds to); with a valid
 *   Last-Event-ID, instead, exactly the events after it;
 * - every status change as an unnamed `data:` event with `id:`; other event types as `event: <type>`;
 * - on a terminal state: `event: info` `Job failed: <message>` when failed, the final status **again**, then
 *   `event: done` with the status, a 15 s grace period (`closeDelayMs`), `event: ping` `final - <time>`, and the end;
 * - an unknown job: `event: info` `Job not found`, then the end;
 * - heartbeat comments and `event: ping` meanwhile; cleanup when the client disconnects.
 * A dropped slow client (`slow_consumer`) just sees the stream end and reconnects with its Last-Event-ID.
 */
export function watchJobSse(options: JobWatchSseOptions): SseSession {
  return runSseSession(options, run);
}

async function run(options: JobWatchSseOptions, channel: SseChannel): Promise<SseEndReason> {
  const transform = options.transform ?? ((status: PublishStatus) => status);
  const snapshot = await options.jobs.snapshot(options.jobId);
  if (!snapshot) {
    await channel.send({ event: 'info', data: 'Job not found' });
    return 'not_found';
  }
  const resumeFrom = options.lastEventId !== undefined && isStreamId(options.lastEventId) ? options.lastEventId : undefined;
  const current = toPublishStatus(await transform(toPublishStatus(snapshot.record)));
  const finish = async (status: PublishStatus, id: string | undefined): Promise<SseEndReason> => {
    if (status.status === 'failed') await channel.send({ event: 'info', data: `Job failed: ${status.message || 'Unknown error'}` });
    await channel.send({ id, data: status });
    await channel.send({ id, event: 'done', data: status });
    const closeDelayMs = options.closeDelayMs ?? 15_000;
    if (closeDelayMs > 0) await channel.delay(closeDelayMs);
    await channel.send({ event: 'ping', data: `final - ${channel.now().toISOString()}` });
    return channel.stopped ?? 'terminal';
  };
  const eventId = snapshot.eventId ?? undefined;
  if (resumeFrom === undefined) {
    await channel.send({ id: eventId, data: current });
    if (isTerminalStatus(current)) return finish(current, eventId);
  } else if (isTerminalStatus(current) && (eventId === undefined || compareStreamIds(resumeFrom, eventId) >= 0)) {
    return finish(current, eventId); // the client saw everything: only the closing sequence
  }
  const subscription = options.bus.subscribe({ stream: jobStream(options.jobId), after: resumeFrom ?? eventId ?? '0-0', bufferSize: options.bufferSize });
  channel.onStop(() => subscription.close());
  try {
    for await (const event of subscription) {
      if (event.type !== JOB_STATUS_EVENT) {
        await channel.send({ id: event.id, event: event.type, data: event.data });
        continue;
      }
      const status = toPublishStatus(await transform(event.data as PublishStatus));
      await channel.send({ id: event.id, data: status });
      if (isTerminalStatus(status)) {
        subscription.close();
        return await finish(status, event.id);
      }
    }
  } catch (error) {
    if (error instanceof EventBusError && (error.code === 'slow_consumer' || error.code === 'bus_closed')) return error.code;
    throw error;
  }
  return channel.stopped ?? 'bus_closed';
}
