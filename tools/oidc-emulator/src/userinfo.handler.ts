import type { Handler } from './context';
import { invalidToken } from './errors';
import { sendJson } from './http-io';

const PROFILE_CLAIMS = ['sub', 'email_verified', 'name', 'preferred_username', 'given_name', 'family_name', 'email'];

/** `GET|POST /protocol/openid-connect/userinfo` with `Authorization: Bearer <access token>`. */
export const handleUserinfo: Handler = ({ request, response }, { realm }) => {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const claims = match === null ? null : realm.verifyAccessToken(match[1]);
  if (claims === null) throw invalidToken();
  const profile: Record<string, unknown> = {};
  for (const name of PROFILE_CLAIMS) if (claims[name] !== undefined) profile[name] = claims[name];
  sendJson(response, 200, profile);
};
