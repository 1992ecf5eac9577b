import { error, errorRef, json, operation, queryParam } from '../openapi.operation';
import { ref } from '../openapi.schemas';
import type { Paths } from '../openapi.types';

/** Who the caller is, SSE tickets, and the original's OAuth2 code exchange. */
export function authPaths(): Paths {
  return {
    '/auth/me': {
      get: operation({
        operationId: 'getMe',
        tag: 'authentication',
        summary: 'Who the token belongs to, with roles',
        access: 'user',
        responses: { '200': json('The caller.', ref('TokenData')) },
      }),
    },
    '/auth/sse-ticket': {
      post: operation({
        operationId: 'createSseTicket',
        tag: 'authentication',
        summary: 'A single-use, short-lived ticket for clients that cannot send a header',
        description: 'For the native EventSource (`/watch/{job_id}`, `/notifications/stream`), a download link or the queue dashboard: pass it as `?ticket=`. Tokens are never accepted in URLs.',
        access: 'user',
        responses: { '200': json('The ticket.', ref('SseTicket')) },
      }),
    },
    '/auth/docs/oauth2-redirect': {
      get: operation({
        operationId: 'oauth2Redirect',
        tag: 'authentication',
        summary: "Exchange a Keycloak authorization code for tokens (the original's route)",
        description: 'Posts the code to Keycloak\'s token endpoint with KEYCLOAK_REDIRECT_URI and the client credentials, and returns Keycloak\'s answer as it came.',
        access: 'public',
        parameters: [{ ...queryParam('code', 'The authorization code.'), required: true }],
        responses: {
          '200': json("Keycloak's token response.", ref('KeycloakToken')),
          '401': error('Keycloak refused the code.', 'Invalid token'),
          '422': errorRef('ValidationFailed'),
          '503': error('Keycloak is not configured (KEYCLOAK_SERVER_URL).'),
        },
      }),
    },
  };
}
