/** Who is calling, as the auth guard puts it on the request (from a verified JWT or a redeemed ticket). */
export interface AuthUser {
  /** `preferred_username`, else `sub` (the original's rule): the `initiated_by` of jobs and `user_id` of notifications. */
  username: string;
  /** The token's `sub`. */
  subject: string;
  email: string | null;
  /** `realm_access.roles` plus `resource_access.<AUTH_ROLES_CLIENT>.roles`, de-duplicated. */
  roles: string[];
  /** Has `AUTH_ADMIN_ROLE`: sees and controls every job and notification. */
  isAdmin: boolean;
  /** Has `AUTH_PUBLISHER_ROLE` (or is an admin): may publish and cancel. */
  isPublisher: boolean;
  /** The token's `name` (else `given_name family_name`), for `GET /auth/me`; absent when the user was not built from a token. */
  fullName?: string | null;
  /** The token's `exp` (seconds since the epoch), for `GET /auth/me`. */
  expiresAt?: number | null;
}

/** Whether `user` may see or control a job or notification that belongs to `owner`. */
export function mayAccess(user: Pick<AuthUser, 'username' | 'isAdmin'>, owner: string | null | undefined): boolean {
  return user.isAdmin || (owner !== null && owner !== undefined && owner === user.username);
}
