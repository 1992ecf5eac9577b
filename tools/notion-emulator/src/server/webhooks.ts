import { createHmac, randomUUID } from 'node:crypto';
import type { PageObjectResponse } from '@notionhq/client';
import type { Workspace } from '../workspace';
import { NotionError } from './notion-error';

export interface WebhookRequest {
  /** Where to deliver the event, e.g. `http://127.0.0.1:3000/api/manual/v1/webhook/notion/zcp`. */
  url: string;
  /** The subscription's verification token: the HMAC key of `X-Notion-Signature`. */
  verificationToken: string;
  /** Event type, e.g. `page.content_updated` (default). */
  type?: string;
  /** The page (or database) the event is about. */
  entityId?: string;
  entityType?: 'page' | 'database' | 'data_source' | 'block' | 'comment';
  /** Sends the subscription handshake (`{"verification_token": …}`, unsigned) instead of an event. */
  verification?: boolean;
  /** Re-use an event id, to test de-duplication. */
  eventId?: string;
  /** Sign with this key instead, to test that a bad signature is refused. */
  signWith?: string;
  /** Extra `data` fields of the event. */
  data?: Record<string, unknown>;
}

export interface WebhookDelivery {
  event_id: string | null;
  status: number;
  body: string;
  signature: string | null;
}

/** `sha256=<hex HMAC-SHA256 of the raw body>`, as Notion signs webhook deliveries. */
export function signWebhookBody(rawBody: string, key: string): string {
  return `sha256=${createHmac('sha256', key).update(rawBody).digest('hex')}`;
}

export interface WebhookEventContext {
  /** The person the event is attributed to. */
  authorId: string;
  /** The emulator's clock (ms since the epoch): the event's `timestamp`. */
  now: () => number;
}

/** How a webhook event names an object's parent: `{id, type}` (plus `data_source_id` for database rows). */
export type WebhookParent = { id: string; type: 'space' | 'page' | 'database' | 'block' | 'agent'; data_source_id?: string };

function webhookParent(parent: PageObjectResponse['parent'], workspaceId: string): WebhookParent {
  switch (parent.type) {
    case 'page_id':
      return { id: parent.page_id, type: 'page' };
    case 'database_id':
      return { id: parent.database_id, type: 'database' };
    case 'data_source_id':
      return { id: parent.database_id, type: 'database', data_source_id: parent.data_source_id };
    case 'block_id':
      return { id: parent.block_id, type: 'block' };
    case 'agent_id':
      return { id: parent.agent_id, type: 'agent' };
    default:
      return { id: workspaceId, type: 'space' };
  }
}

/** The `data` Notion sends with a page event: the page's parent, and for content updates some changed blocks. */
function pageEventData(ws: Workspace, type: string, pageId: string | undefined, workspaceId: string): Record<string, unknown> {
  const page = pageId ? ws.pages[pageId] : undefined;
  if (!page || !type.startsWith('page.')) return {};
  const data: Record<string, unknown> = { parent: webhookParent(page.parent, workspaceId) };
  if (type === 'page.content_updated') {
    const blockIds = (ws.children[page.id] ?? []).filter((id) => ws.blocks[id] && !ws.blocks[id].in_trash).slice(0, 3);
    data.updated_blocks = blockIds.map((id) => ({ id, type: 'block' }));
  }
  return data;
}

/**
 * A webhook event as Notion sends it (API version 2025-09-03). The workspace is named after the
 * integration's bot user, as Notion does; `data` is derived from the workspace unless the request gives it.
 */
export function buildWebhookEvent(req: WebhookRequest, ws: Workspace, context: WebhookEventContext) {
  const bot = Object.values(ws.users).find((u) => u.type === 'bot');
  const botInfo = bot?.type === 'bot' && 'workspace_id' in bot.bot ? bot.bot : undefined;
  const workspaceId = botInfo?.workspace_id ?? ws.rootPageId;
  const type = req.type ?? 'page.content_updated';
  const entityType = req.entityType ?? 'page';
  return {
    id: req.eventId ?? randomUUID(),
    timestamp: new Date(context.now()).toISOString(),
    workspace_id: workspaceId,
    workspace_name: botInfo?.workspace_name ?? ws.name,
    subscription_id: '00000000-0000-4000-8000-00000000cafe',
    integration_id: '00000000-0000-4000-8000-00000000beef',
    type,
    authors: [{ id: context.authorId, type: 'person' }],
    attempt_number: 1,
    api_version: '2025-09-03',
    entity: { id: req.entityId, type: entityType },
    data: req.data ? { ...req.data } : entityType === 'page' ? pageEventData(ws, type, req.entityId, workspaceId) : {},
  };
}

/**
 * POSTs one webhook delivery and reports what the receiver answered. A receiver that does not answer
 * within `timeoutMs` is a 504 gateway_timeout; one that cannot be reached is a 502 bad_gateway.
 */
export async function deliverWebhook(
  req: WebhookRequest,
  event: ReturnType<typeof buildWebhookEvent> | undefined,
  timeoutMs: number,
): Promise<WebhookDelivery> {
  const body = JSON.stringify(event ?? { verification_token: req.verificationToken });
  const signature = event ? signWebhookBody(body, req.signWith ?? req.verificationToken) : null;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'notion-api' };
  if (signature) headers['x-notion-signature'] = signature;
  try {
    const response = await fetch(req.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    return { event_id: event?.id ?? null, status: response.status, body: await response.text(), signature };
  } catch (error) {
    // duck-typed: fetch's errors (a DOMException on timeout) may come from another realm than this module's Error
    const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { message?: unknown } };
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new NotionError(504, 'gateway_timeout', `The webhook receiver at ${req.url} did not answer within ${timeoutMs} ms.`);
    }
    const reason = typeof cause?.message === 'string' ? `: ${cause.message}` : '';
    throw new NotionError(502, 'bad_gateway', `Could not deliver the webhook to ${req.url}${reason}`);
  }
}
