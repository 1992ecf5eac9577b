import type { Handler } from './context';
import { sendJson } from './http-io';

/** `GET /.well-known/openid-configuration`: the parts of Keycloak's document a client reads. */
export const handleDiscovery: Handler = ({ response }, { urls }) => {
  sendJson(response, 200, {
    issuer: urls.issuer,
    authorization_endpoint: urls.authorization,
    token_endpoint: urls.token,
    userinfo_endpoint: urls.userinfo,
    end_session_endpoint: urls.endSession,
    jwks_uri: urls.jwks,
    grant_types_supported: ['authorization_code', 'refresh_token', 'password', 'client_credentials'],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    userinfo_signing_alg_values_supported: ['none'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    code_challenge_methods_supported: ['plain', 'S256'],
    scopes_supported: ['openid', 'profile', 'email', 'roles', 'offline_access'],
    claims_supported: ['aud', 'sub', 'iss', 'auth_time', 'name', 'given_name', 'family_name', 'preferred_username', 'email', 'email_verified', 'acr'],
  });
};

/** `GET /protocol/openid-connect/certs`: the JWKS. */
export const handleCerts: Handler = ({ response }, { realm }) => {
  sendJson(response, 200, realm.keys.jwks(), { 'cache-control': 'no-cache' });
};
