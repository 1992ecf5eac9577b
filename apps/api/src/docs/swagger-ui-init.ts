import type { OpenAPIObject } from '@nestjs/swagger';
import type { ApiConfig } from '../api.tokens';

/** What Swagger UI is configured with (besides the document and the redirect URL). */
export interface SwaggerUiSettings {
  persistAuthorization: boolean;
  initOAuth: { clientId: string; usePkceWithAuthorizationCodeGrant: boolean; scopes: string[] };
}

export function swaggerUiSettings(config: ApiConfig): SwaggerUiSettings {
  return {
    persistAuthorization: true,
    initOAuth: { clientId: config.keycloak.clientId, usePkceWithAuthorizationCodeGrant: true, scopes: ['openid'] },
  };
}

/**
 * The `swagger-ui-init.js` of our Swagger UI page. Like @nestjs/swagger's own, it starts Swagger UI with the
 * document inline, but it computes `oauth2RedirectUrl` in the browser: Keycloak needs an absolute redirect URI,
 * and only the browser knows the public origin (and any path prefix of a proxy) the page was loaded from.
 * The result is `<origin><page path>/oauth2-redirect.html`, swagger-ui-dist's redirect page served beside it.
 */
export function swaggerUiInitScript(document: OpenAPIObject, settings: SwaggerUiSettings): string {
  const data = JSON.stringify({ spec: document, persistAuthorization: settings.persistAuthorization, initOAuth: settings.initOAuth });
  return `window.onload = function () {
  var settings = ${data};
  var page = window.location.pathname.replace(/\\/(index\\.html)?$/, '');
  var ui = SwaggerUIBundle({
    spec: settings.spec,
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
    persistAuthorization: settings.persistAuthorization,
    oauth2RedirectUrl: window.location.origin + page + '/oauth2-redirect.html'
  });
  ui.initOAuth(settings.initOAuth);
  window.ui = ui;
};
`;
}
