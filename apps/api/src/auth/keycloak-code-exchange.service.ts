import { Inject, Injectable, Logger } from '@nestjs/common';
import { API_CONFIG } from '../api.tokens';
import type { ApiConfig } from '../api.tokens';
import { ApiError, ValidationError } from '../errors/api-error';
import { HttpCallError, httpCall } from './http-call';

const EXCHANGE_TIMEOUT_MS = 5_000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The original's `GET /auth/docs/oauth2-redirect?code=`: trades an authorization code at Keycloak's token
 * endpoint (`grant_type=authorization_code`, `KEYCLOAK_REDIRECT_URI`, the client's id and secret) and gives back
 * Keycloak's token JSON as it came. Codes and tokens are never logged.
 */
@Injectable()
export class KeycloakCodeExchange {
  private readonly logger = new Logger('KeycloakCodeExchange');

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  async exchange(code: unknown): Promise<Record<string, unknown>> {
    const given = Array.isArray(code) ? code[code.length - 1] : code;
    if (typeof given !== 'string') throw new ValidationError([{ loc: ['query', 'code'], msg: 'Field required', type: 'missing' }]);
    const { serverUrl, realm, clientId, clientSecret, redirectUri } = this.config.keycloak;
    if (serverUrl === null) throw ApiError.unavailable('Keycloak login is not configured: set KEYCLOAK_SERVER_URL', 'keycloak_not_configured');
    if (redirectUri === null) throw ApiError.unavailable('Keycloak login is not configured: set KEYCLOAK_REDIRECT_URI', 'keycloak_not_configured');
    if (given === '') throw ApiError.unauthorized('Invalid token', 'code_refused');

    const tokenUrl = `${serverUrl.replace(/\/+$/, '')}/realms/${encodeURIComponent(realm)}/protocol/openid-connect/token`;
    const form = new URLSearchParams({ grant_type: 'authorization_code', code: given, redirect_uri: redirectUri, client_id: clientId });
    if (clientSecret !== null) form.set('client_secret', clientSecret);
    let answer;
    try {
      answer = await httpCall(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        timeoutMs: EXCHANGE_TIMEOUT_MS,
        tlsVerify: this.config.auth.tlsVerify,
      });
    } catch (error) {
      if (!(error instanceof HttpCallError)) throw error;
      this.logger.warn(`Keycloak's token endpoint ${tokenUrl} could not be reached: ${error.message}`);
      throw new ApiError(502, 'The identity provider (KEYCLOAK_SERVER_URL) could not be reached; retry later', 'keycloak_unreachable');
    }
    const body = parseJson(answer.body);
    if (answer.status === 200 && isObject(body)) return body;
    if (answer.status >= 400 && answer.status < 500) {
      const reason = isObject(body) && typeof body['error'] === 'string' ? body['error'].slice(0, 80) : `HTTP ${answer.status}`;
      this.logger.warn(`Keycloak refused an authorization code: ${reason}`);
      throw ApiError.unauthorized('Invalid token', 'code_refused');
    }
    this.logger.warn(`Keycloak's token endpoint answered HTTP ${answer.status}${isObject(body) ? '' : ' without JSON'}`);
    throw new ApiError(502, `The identity provider answered HTTP ${answer.status}; retry later`, 'keycloak_error');
  }
}
