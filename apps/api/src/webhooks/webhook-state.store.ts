import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { API_CONFIG, REDIS } from '../api.tokens';
import type { ApiConfig } from '../api.tokens';

/** The subscription handshake Notion sent for a solution, kept for admins. */
export interface StoredVerification {
  verification_token: string;
  /** UTC ISO. */
  received_at: string;
}

/**
 * What webhooks keep in Redis, under `REDIS_KEY_PREFIX` (shared by replicas): the latest handshake per
 * solution (`webhooks:verification:<sol>`, no expiry) and the event ids already taken
 * (`webhooks:event:<id>`, for `NOTION_WEBHOOK_DEDUPE_TTL_S`).
 */
@Injectable()
export class WebhookStateStore {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async saveVerification(solution: string, verification: StoredVerification): Promise<void> {
    await this.redis.set(this.verificationKey(solution), JSON.stringify(verification));
  }

  async verification(solution: string): Promise<StoredVerification | null> {
    const json = await this.redis.get(this.verificationKey(solution));
    return json === null ? null : (JSON.parse(json) as StoredVerification);
  }

  /** Marks the event id as taken; false when it already was (`SET NX EX`, atomic across replicas). */
  async claimEvent(eventId: string): Promise<boolean> {
    return (await this.redis.set(this.eventKey(eventId), '1', 'EX', this.config.webhooks.dedupeTtlSeconds, 'NX')) === 'OK';
  }

  /** Forgets a claim whose event could not be handled, so Notion's retry is not taken for a duplicate. */
  async releaseEvent(eventId: string): Promise<void> {
    await this.redis.del(this.eventKey(eventId));
  }

  private verificationKey(solution: string): string {
    return `${this.config.keyPrefix}webhooks:verification:${solution}`;
  }

  private eventKey(eventId: string): string {
    return `${this.config.keyPrefix}webhooks:event:${eventId}`;
  }
}
