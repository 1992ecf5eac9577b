import { startOidcEmulator } from '@zmp-manual/oidc-emulator';
import type { OidcEmulator } from '@zmp-manual/oidc-emulator';
import { CLIENT_ID, REALM, USERS } from '../harness/users';

/**
 * The console logs in as a browser app: a PUBLIC Keycloak client (authorization code + PKCE, no secret), which
 * the suite's shared emulator is not (it is confidential, for the API's own code exchange). So the console's
 * world runs its API against an emulator of its own with the same realm, client id and users but no secret:
 * `apiEnv` is filled in `beforeAll` (register this before the world, whose `beforeAll` reads it).
 */
export class PublicClientIdp {
  readonly apiEnv: Record<string, string> = {};
  oidc!: OidcEmulator;

  constructor() {
    beforeAll(async () => {
      this.oidc = await startOidcEmulator({ realm: REALM, clientId: CLIENT_ID, clientSecret: null, users: Object.values(USERS) });
      this.apiEnv.KEYCLOAK_SERVER_URL = this.oidc.url;
    });
    afterAll(() => this.oidc?.stop());
  }

  /** An access token of a suite user, signed by this issuer (the one the console's API trusts). */
  token(user: keyof typeof USERS): string {
    return this.oidc.mintFor(USERS[user].username);
  }
}
