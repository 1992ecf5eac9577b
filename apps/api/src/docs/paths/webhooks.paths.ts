import type { ApiConfig } from '../../api.tokens';
import { error, errorRef, json, operation, pathParam } from '../openapi.operation';
import { ref } from '../openapi.schemas';
import type { Paths } from '../openapi.types';

/** Notion's webhooks (signed by Notion, no user token) and the stored subscription handshake. */
export function webhooksPaths(config: ApiConfig): Paths {
  const solutions = config.pipeline.solutions.map((solution) => solution.id);
  const solution = { ...pathParam('solution', 'A configured solution.'), schema: { type: 'string', enum: solutions } };
  return {
    '/webhook/notion/{solution}': {
      post: operation({
        operationId: 'receiveNotionWebhook',
        tag: 'webhooks',
        summary: 'Receive a Notion webhook event',
        description:
          'The subscription handshake (`{"verification_token"}` alone, a printable token of at most 256 characters) is stored for admins and echoed. Any other body must be signed: `X-Notion-Signature: sha256=<hex HMAC-SHA256 of the raw body>` with NOTION_WEBHOOK_<SOL>_SECRET, checked before anything is written. Then the timestamp window, de-duplication by event id, and a debounced refresh of the page in the manuals cache.',
        access: 'public',
        parameters: [solution, { name: 'X-Notion-Signature', in: 'header', required: false, description: '`sha256=<hex>`; required for events.', schema: { type: 'string' } }],
        requestBody: { required: true, content: { 'application/json': { schema: { oneOf: [ref('NotionVerification'), ref('NotionWebhookEvent')] } } } },
        responses: {
          '200': json('The handshake echoed, or what was done with the event (`accepted` / `ignored`).', { oneOf: [ref('NotionVerification'), ref('WebhookAnswer')] }),
          '400': error('The body is not JSON.', 'Malformed JSON body'),
          '401': error('Missing or bad signature, or no secret configured for the solution.', 'Invalid signature'),
          '404': error('Not a configured solution.', `Unknown solution: nope; configured: ${solutions.join(', ')}`),
          '422': errorRef('ValidationFailed'),
          '503': error('The refresh could not be scheduled (Redis); Notion retries the event.', 'Could not schedule the refresh: Redis unavailable; retry later'),
        },
      }),
    },
    '/webhook/notion/{solution}/verification': {
      get: operation({
        operationId: 'getNotionVerification',
        tag: 'webhooks',
        summary: "The last subscription handshake token Notion sent for a solution (to paste into Notion's form)",
        description: `Needs the ${config.auth.adminRole} role.`,
        access: 'admin',
        parameters: [solution],
        responses: {
          '200': json('The token.', ref('WebhookVerification')),
          '404': error('No handshake received yet, or not a configured solution.', 'No verification request received for zcp yet'),
        },
      }),
    },
  };
}
