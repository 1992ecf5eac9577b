import * as api from './index';

describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual(['DEFAULT_CLIENT_ID', 'DEFAULT_CLIENT_SECRET', 'DEFAULT_REALM', 'DEFAULT_USERS', 'startOidcEmulator']);
  });

  it('has the documented defaults', () => {
    expect([api.DEFAULT_REALM, api.DEFAULT_CLIENT_ID, api.DEFAULT_CLIENT_SECRET]).toEqual(['zmp', 'zmp-client', 'zmp-client-secret']);
    expect(api.DEFAULT_USERS.map((user) => [user.username, user.realmRoles ?? []])).toEqual([
      ['admin', ['manual-admin']],
      ['publisher', ['manual-publisher']],
      ['viewer', []],
    ]);
  });
});
