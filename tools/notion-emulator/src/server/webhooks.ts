import { createHmac, randomUUID } from 'node:crypto';

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

export function buildWebhookEvent(req: WebhookRequest, workspaceId: string, workspaceName: string, authorId: string) {
  return {
    id: req.eventId ?? randomUUID(),
    timestamp: new Date().toISOString(),
    workspace_id: workspaceId,
    workspace_name: workspaceName,
    subscription_id: '00000000-0000-4000-8000-00000000cafe',
    integration_id: '00000000-0000-4000-8000-00000000beef',
    type: req.type ?? 'page.content_updated',
    authors: [{ id: authorId, type: 'person' }],
    attempt_number: 1,
    api_version: '2025-09-03',
    entity: { id: req.entityId, type: req.entityType ?? 'page' },
    data: { ...(req.data ?? {}) },
  };
}

/** POSTs one webhook delivery and reports what the receiver answered. */
export async function deliverWebhook(
  req: WebhookRequest,
  event: ReturnType<typeof buildWebhookEvent> | undefined,
  signal?: AbortSignal,
): Promise<WebhookDelivery> {
  const body = JSON.stringify(event ?? { verification_token: req.verificationToken });
  const signature = event ? signWebhookBody(body, req.signWith ?? req.verificationToken) : null;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'notion-api' };
  if (signature) headers['x-notion-signature'] = signature;
  const response = await fetch(req.url, { method: 'POST', headers, body, signal });
  return { event_id: event?.id ?? null, status: response.status, body: await response.text(), signature };
}
