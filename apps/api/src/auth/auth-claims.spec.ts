import type { ApiConfig } from '../api.tokens';
import { ApiError } from '../errors/api-error';
import { userFromClaims } from './auth-claims';

const auth = { adminRole: 'manual-admin', publisherRole: 'manual-publisher', rolesClient: 'zmp-client' } as ApiConfig['auth'];
const exp = 2_000_000_000;

describe('userFromClaims', () => {
  it('takes preferred_username, else sub, as the username', () => {
    expect(userFromClaims({ sub: 's-1', preferred_username: 'alice', exp }, auth)).toMatchObject({ username: 'alice', subject: 's-1' });
    expect(userFromClaims({ sub: 's-1', exp }, auth)).toMatchObject({ username: 's-1', subject: 's-1' });
  });

  it('merges realm roles and the roles client roles, de-duplicated; ignores other clients and non-strings', () => {
    const user = userFromClaims(
      { sub: 's', exp, realm_access: { roles: ['a', 'manual-publisher', 7] }, resource_access: { 'zmp-client': { roles: ['a', 'b'] }, other: { roles: ['manual-admin'] } } },
      auth,
    );
    expect(user.roles).toEqual(['a', 'manual-publisher', 'b']);
    expect([user.isAdmin, user.isPublisher]).toEqual([false, true]);
    expect(userFromClaims({ sub: 's', exp, resource_access: { 'zmp-client': { roles: ['manual-admin'] } } }, { ...auth, rolesClient: null }).roles).toEqual([]);
  });

  it('makes an admin a publisher too', () => {
    expect(userFromClaims({ sub: 's', exp, realm_access: { roles: ['manual-admin'] } }, auth)).toMatchObject({ isAdmin: true, isPublisher: true });
    expect(userFromClaims({ sub: 's', exp }, auth)).toMatchObject({ isAdmin: false, isPublisher: false, email: null, fullName: null });
  });

  it('takes the full name from name, else given and family names', () => {
    expect(userFromClaims({ sub: 's', exp, name: 'Ann Lee', given_name: 'X' }, auth).fullName).toBe('Ann Lee');
    expect(userFromClaims({ sub: 's', exp, given_name: 'Ann', family_name: 'Lee' }, auth).fullName).toBe('Ann Lee');
    expect(userFromClaims({ sub: 's', exp, family_name: 'Lee' }, auth).fullName).toBe('Lee');
  });

  it.each([
    ['an ID token', { sub: 's', exp, typ: 'ID' }, 'not_an_access_token'],
    ['a refresh token', { sub: 's', exp, typ: 'Refresh' }, 'not_an_access_token'],
    ['no exp', { sub: 's' }, 'token_without_exp'],
    ['no subject', { exp, preferred_username: '  ' }, 'token_without_subject'],
  ])('refuses %s with 401 Invalid token', (_case, claims, code) => {
    let thrown: unknown;
    try {
      userFromClaims(claims, auth);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 401, detail: 'Invalid token', code, headers: { 'WWW-Authenticate': 'Bearer' } });
  });
});
