import type { ApiConfig } from '../api.tokens';

/** Where the console's "Sign in with Keycloak" goes: the authorization code flow with PKCE (a public client). */
export interface ConsoleKeycloak {
  authorizationUrl: string;
  tokenUrl: string;
  clientId: string;
}

/** `GET APP_ROOT/console/config.json`: what the page needs before it can call the API. */
export interface ConsoleConfig {
  appRoot: string;
  /** `null` in dev mode: the page then only offers to paste a token. */
  keycloak: ConsoleKeycloak | null;
  /** `SUPPORTED_LANGUAGES`: the choices of the publish form. */
  languages: string[];
  /** `TARGET_LANGUAGES`: pre-selected (what a publish naming no language gets). */
  defaultLanguages: string[];
}

/**
 * Built from the configuration once: in keycloak mode the issuer's OpenID Connect endpoints (Keycloak's
 * `<issuer>/protocol/openid-connect/{auth,token}`) and the client of Swagger UI's login (`KEYCLOAK_CLIENT_ID`).
 */
export function consoleConfig(config: ApiConfig): ConsoleConfig {
  const keycloak: ConsoleKeycloak | null =
    config.auth.mode === 'keycloak'
      ? {
          authorizationUrl: `${config.auth.issuer}/protocol/openid-connect/auth`,
          tokenUrl: `${config.auth.issuer}/protocol/openid-connect/token`,
          clientId: config.keycloak.clientId,
        }
      : null;
  return {
    appRoot: config.appRoot,
    keycloak,
    languages: [...config.supportedLanguages],
    defaultLanguages: [...config.pipeline.targetLanguages],
  };
}
