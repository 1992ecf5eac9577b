import type { HelmetOptions } from 'helmet';
import type { ApiConfig } from '../api.tokens';

function originOf(url: string | null): string[] {
  if (url === null) return [];
  try {
    return [new URL(url).origin];
  } catch {
    return [];
  }
}

/**
 * helmet's headers with a Content-Security-Policy that Swagger UI (`APP_ROOT/api-docs`) and the queue dashboard
 * (`APP_ROOT/admin/queues`) work under: scripts only from this origin (both load theirs as files), inline
 * styles (both use them), `data:` images, the dashboard's web font, and calls to Keycloak (Swagger UI exchanges
 * the authorization code for a token from the browser). `upgrade-insecure-requests` is left out so a plain-HTTP
 * deployment (local, behind a TLS proxy that talks HTTP) still loads its assets. The opener policy lets Swagger
 * UI's login pop-up report back to the page that opened it.
 */
export function helmetOptions(config: ApiConfig): HelmetOptions {
  const identityProvider = originOf(config.keycloak.serverUrl);
  return {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
        fontSrc: ["'self'", 'data:', 'https://fonts.gstatic.com'],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...identityProvider],
        formAction: ["'self'", ...identityProvider],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
  };
}
