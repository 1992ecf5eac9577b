import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { MAINTENANCE_QUEUE, scheduleNotionRefresh } from '@zmp-manual/queue-contract';
import type { Queue } from 'bull';
import { API_CONFIG, SECRET_REDACTOR } from '../api.tokens';
import type { ApiConfig, SecretRedaction } from '../api.tokens';
import { ApiError } from '../errors/api-error';
import { parseInput } from '../errors/zod-input';
import { eventPageId, isNotionId, notionEventSchema } from './notion-event.schema';
import type { NotionEvent } from './notion-event.schema';
import { isValidNotionSignature } from './notion-signature';
import { WebhookStateStore } from './webhook-state.store';
import type { VerificationBody, VerificationEcho, WebhookAnswer } from './webhook.wire';

/** As `POST /publish` answers when the queue refuses a job: 503, and Notion retries the event later. */
export const SCHEDULE_FAILED_MESSAGE = 'Could not schedule the refresh: Redis unavailable; retry later';

/**
 * What a handshake token may look like (Notion's are `secret_` + ~43 characters): printable, no blanks, bounded.
 * The handshake is unsigned, so anything else is not taken for one (it then needs a signature like any event):
 * nobody can make the API store or echo a body-sized value.
 */
const HANDSHAKE_TOKEN = /^[\x21-\x7e]{1,256}$/;

/** A body that is only `{"verification_token": "<token>"}`: Notion's (unsigned) subscription handshake. */
function handshakeToken(body: Buffer): string | null {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  const token = (value as { verification_token?: unknown }).verification_token;
  return keys.length === 1 && typeof token === 'string' && HANDSHAKE_TOKEN.test(token) ? token : null;
}

/**
 * Notion webhooks, in this order: the solution must be configured (404); a handshake is stored for admins
 * and echoed; anything else must carry a valid `X-Notion-Signature` over the raw body (401) — nothing is
 * written before that; then the event is parsed (400/422), checked against the time window, de-duplicated
 * by id (shared by replicas) and turned into a debounced `notion-refresh` job for its page.
 */
@Injectable()
export class NotionWebhookService {
  private readonly logger = new Logger('NotionWebhook');

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(SECRET_REDACTOR) private readonly redactor: SecretRedaction,
    private readonly state: WebhookStateStore,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly maintenance: Queue,
  ) {}

  async receive(solution: string, body: Buffer, signature: unknown): Promise<WebhookAnswer | VerificationEcho> {
    this.configured(solution);
    const token = handshakeToken(body);
    if (token !== null) {
      await this.state.saveVerification(solution, { verification_token: token, received_at: new Date().toISOString() });
      this.logger.log(`subscription handshake for ${solution} stored: an admin reads it at webhook/notion/${solution}/verification`);
      return { verification_token: token };
    }
    this.verifySignature(solution, body, signature);
    const event = parseInput(notionEventSchema, this.json(body), 'body');
    return this.handle(solution, event);
  }

  async verification(solution: string): Promise<VerificationBody> {
    this.configured(solution);
    const stored = await this.state.verification(solution);
    if (!stored) throw ApiError.notFound(`No verification request received for ${solution} yet`, 'verification_not_found');
    return { solution, verification_token: stored.verification_token, received_at: stored.received_at };
  }

  private async handle(solution: string, event: NotionEvent): Promise<WebhookAnswer> {
    const now = new Date();
    const answer = (status: WebhookAnswer['status'], message: string): WebhookAnswer => ({ status, message, event_id: event.id, timestamp: now.toISOString() });
    const { maxAgeSeconds, debounceMs } = this.config.webhooks;
    if (Math.abs(now.getTime() - Date.parse(event.timestamp)) > maxAgeSeconds * 1000) {
      return answer('ignored', `Event ${event.id} is outside the ${maxAgeSeconds} s window`);
    }
    if (!(await this.state.claimEvent(event.id))) return answer('accepted', 'Event already processed');
    const pageId = eventPageId(event);
    if (pageId === null) return answer('ignored', `Event type ${event.type} does not concern a page`);
    if (!isNotionId(pageId)) return answer('ignored', `Invalid Notion page ID format: ${pageId}`);
    try {
      const payload = { version: 1 as const, solution, page_id: pageId, event_type: event.type, event_id: event.id, received_at: now.toISOString() };
      await scheduleNotionRefresh(this.maintenance, payload, debounceMs);
    } catch (error) {
      // Not taken after all: Notion's retry of this event must not be answered "already processed".
      await this.state.releaseEvent(event.id).catch(() => undefined);
      this.logger.error(`event ${event.id} for ${solution}: scheduling the refresh failed: ${this.redactor.redact(error instanceof Error ? error.message : String(error))}`);
      throw ApiError.unavailable(SCHEDULE_FAILED_MESSAGE, 'queue_unavailable');
    }
    return answer('accepted', `Cache update scheduled for page ${pageId} in solution: ${solution}`);
  }

  private configured(solution: string): void {
    const ids = this.config.pipeline.solutions.map((configured) => configured.id);
    if (!ids.includes(solution)) throw ApiError.notFound(`Unknown solution: ${solution}; configured: ${ids.join(', ') || 'none'}`, 'unknown_solution');
  }

  private verifySignature(solution: string, body: Buffer, signature: unknown): void {
    const secret = this.config.webhooks.secrets[solution] ?? null;
    if (secret === null) {
      const variable = `NOTION_WEBHOOK_${solution.toUpperCase().replace(/-/g, '_')}_SECRET`;
      throw ApiError.unauthorized(`Webhook secret for ${solution} is not configured: set ${variable} to the subscription's verification token`, 'webhook_secret_missing');
    }
    if (!isValidNotionSignature(secret, body, signature)) throw ApiError.unauthorized('Invalid signature', 'invalid_signature');
  }

  private json(body: Buffer): unknown {
    try {
      return JSON.parse(body.toString('utf8'));
    } catch {
      throw ApiError.badRequest('Malformed JSON body', 'malformed_json');
    }
  }
}
