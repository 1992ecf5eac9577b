import type { OpenAPIObject } from '@nestjs/swagger';
import { API_VERSION } from '../api-version';
import type { ApiConfig } from '../api.tokens';
import { errorResponses } from './openapi.operation';
import { openApiSchemas } from './openapi.schemas';
import type { SecurityScheme } from './openapi.types';
import { authPaths } from './paths/auth.paths';
import { jobsPaths } from './paths/jobs.paths';
import { manualsPaths } from './paths/manuals.paths';
import { notificationsPaths } from './paths/notifications.paths';
import { operationsPaths } from './paths/operations.paths';
import { webhooksPaths } from './paths/webhooks.paths';

/**
 * Keycloak's realm URL for the login of Swagger UI: `${KEYCLOAK_SERVER_URL}/realms/${KEYCLOAK_REALM}`, else the
 * issuer in keycloak mode (`AUTH_ISSUER`), else none (dev mode without Keycloak: Bearer only).
 */
export function keycloakRealmUrl(config: ApiConfig): string | null {
  if (config.keycloak.serverUrl) return `${config.keycloak.serverUrl.replace(/\/+$/, '')}/realms/${encodeURIComponent(config.keycloak.realm)}`;
  if (config.auth.mode === 'keycloak' && /^https?:\/\//.test(config.auth.issuer)) return config.auth.issuer.replace(/\/+$/, '');
  return null;
}

function securitySchemes(config: ApiConfig): Record<string, SecurityScheme> {
  const schemes: Record<string, SecurityScheme> = {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        config.auth.mode === 'dev'
          ? 'An HS256 JWT signed with AUTH_DEV_SECRET (AUTH_MODE=dev).'
          : `An RS256 access token of the issuer ${config.auth.issuer} (checked against its JWKS; audience ${config.auth.audiences.join(' or ')}).`,
    },
  };
  const realm = keycloakRealmUrl(config);
  if (realm) {
    const token = `${realm}/protocol/openid-connect/token`;
    schemes['keycloak'] = {
      type: 'oauth2',
      description: `Log in with Keycloak (client ${config.keycloak.clientId}, authorization code with PKCE).`,
      flows: { authorizationCode: { authorizationUrl: `${realm}/protocol/openid-connect/auth`, tokenUrl: token, refreshUrl: token, scopes: { openid: 'OpenID Connect' } } },
    };
  }
  return schemes;
}

/**
 * The API's OpenAPI 3.0.3 document, written as data (not scanned from decorators) for the configuration it
 * runs with: base path, solutions, languages, role names, Keycloak URLs. A spec compares its paths with the
 * routes Nest registered (docs/openapi-routes.spec.ts), so neither drifts.
 */
export function buildOpenApiDocument(config: ApiConfig): OpenAPIObject {
  const schemes = securitySchemes(config);
  const paths = {
    ...manualsPaths(config),
    ...jobsPaths(config),
    ...notificationsPaths(config),
    ...authPaths(),
    ...webhooksPaths(config),
    ...operationsPaths(config),
  };
  if (!schemes['keycloak']) {
    // Without Keycloak, authenticated operations take a Bearer token only.
    for (const item of Object.values(paths)) {
      for (const op of [item.get, item.post]) {
        if (op?.security) op.security = op.security.filter((requirement) => !('keycloak' in requirement));
      }
    }
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'ZMP Manual API',
      version: API_VERSION,
      description:
        'Publishes product manuals written in Notion to a Docusaurus site in git, in several languages, and shows every step live. Wire-compatible with the original ZMP Manual Backend; errors are `{"detail", "error_id"}`.',
    },
    servers: [{ url: config.appRoot }],
    tags: [
      { name: 'manuals', description: 'Solutions and their Notion page trees.' },
      { name: 'jobs', description: 'Publishing, following and cancelling jobs; artifacts.' },
      { name: 'notifications', description: "The caller's notifications." },
      { name: 'authentication', description: 'Who is calling; tickets; the OAuth2 code exchange.' },
      { name: 'webhooks', description: 'Notion webhooks.' },
      { name: 'operations', description: 'Health, metrics, documentation, the queue dashboard.' },
    ],
    paths,
    components: {
      schemas: openApiSchemas(config),
      responses: errorResponses(config.auth),
      securitySchemes: schemes,
    },
  };
}
