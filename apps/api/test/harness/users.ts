import type { OidcEmulator, OidcUser } from '@zmp-manual/oidc-emulator';

export const REALM = 'zmp';
export const CLIENT_ID = 'zmp-client';

/** The API's default role names (`AUTH_PUBLISHER_ROLE`, `AUTH_ADMIN_ROLE`). */
export const PUBLISHER_ROLE = 'manual-publisher';
export const ADMIN_ROLE = 'manual-admin';

/**
 * Who calls the API in the suite, as users of the OIDC emulator's realm: two publishers (A and B of the
 * issue), a viewer with no role, and an admin whose role comes with the client's roles rather than the realm's.
 */
export const USERS = {
  ann: { username: 'ann', email: 'ann@example.com', firstName: 'Ann', lastName: 'Operator', realmRoles: [PUBLISHER_ROLE] },
  bob: { username: 'bob', email: 'bob@example.com', firstName: 'Bob', lastName: 'Builder', realmRoles: [PUBLISHER_ROLE] },
  vera: { username: 'vera', email: 'vera@example.com', firstName: 'Vera', lastName: 'Viewer' },
  root: { username: 'root', email: 'root@example.com', firstName: 'Rita', lastName: 'Root', clientRoles: [ADMIN_ROLE] },
} satisfies Record<string, OidcUser>;

export type UserName = keyof typeof USERS;

export interface MintOptions {
  expiresInSeconds?: number;
  audience?: string;
  issuer?: string;
}

/** A Keycloak-like RS256 access token for `user`, signed by the OIDC emulator's current key. */
export function tokenFor(oidc: OidcEmulator, user: UserName, options: MintOptions = {}): string {
  return oidc.mintFor(USERS[user].username, options);
}
