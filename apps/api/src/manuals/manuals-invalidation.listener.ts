import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventBus, EventBusError, MANUALS_STREAM, MANUALS_UPDATED_EVENT } from '@zmp-manual/job-events';
import type { BusEvent, Subscription } from '@zmp-manual/job-events';
import { setTimeout as sleep } from 'node:timers/promises';
import { EVENT_BUS } from '../api.tokens';
import { ManualsCacheService } from './manuals-cache.service';

/** How long start-up waits for the subscription to be registered before going on without it. */
const READY_WAIT_MS = 5_000;
/** Pause before subscribing again after the subscription broke. */
const RETRY_MS = 1_000;

/**
 * Follows the `manuals` stream of the event bus for as long as the module lives and drops the in-memory
 * tree of every solution a `manuals_updated` event names, so each replica serves what a worker's refresh
 * (or another replica's crawl) stored. When the subscription breaks (a slow consumer, a Redis error) memory
 * is dropped and it resumes after the last event seen, replaying what it missed.
 */
@Injectable()
export class ManualsInvalidationListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ManualsInvalidation');
  private readonly stop = new AbortController();
  private subscription: Subscription | null = null;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly cache: ManualsCacheService,
  ) {}

  async onModuleInit(): Promise<void> {
    let registered!: () => void;
    const ready = new Promise<void>((resolve) => (registered = resolve));
    this.loop = this.follow(registered);
    const timeout = new AbortController();
    await Promise.race([ready, sleep(READY_WAIT_MS, undefined, { signal: timeout.signal }).catch(() => undefined)]);
    timeout.abort();
  }

  async onModuleDestroy(): Promise<void> {
    this.stop.abort();
    this.subscription?.close();
    await this.loop;
  }

  private async follow(registered: () => void): Promise<void> {
    let after: string | undefined;
    while (!this.stop.signal.aborted) {
      try {
        const subscription = this.bus.subscribe({ stream: MANUALS_STREAM, ...(after === undefined ? {} : { after }), signal: this.stop.signal });
        this.subscription = subscription;
        await subscription.ready;
        registered();
        try {
          for await (const event of subscription) this.apply(event);
        } finally {
          after = subscription.lastId ?? after;
        }
      } catch (error) {
        if (error instanceof EventBusError && error.code === 'bus_closed') return;
        this.logger.warn(`following ${MANUALS_STREAM} failed (${error instanceof Error ? error.message : String(error)}); resuming`);
      }
      this.cache.invalidateAll();
      await sleep(RETRY_MS, undefined, { signal: this.stop.signal }).catch(() => undefined);
    }
  }

  private apply(event: BusEvent): void {
    if (event.type !== MANUALS_UPDATED_EVENT) return;
    const solution = (event.data as { solution?: unknown } | null)?.solution;
    if (typeof solution === 'string') this.cache.invalidate(solution);
  }
}
