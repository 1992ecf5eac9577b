import type { AuthUser } from './auth-user';

/** `GET /auth/me`: the original's TokenData (`username, email, full_name, roles, exp, preferred_username`) plus our role flags. */
export interface TokenData {
  username: string;
  email: string | null;
  full_name: string | null;
  roles: string[];
  exp: number | null;
  preferred_username: string;
  is_admin: boolean;
  is_publisher: boolean;
}

export function tokenDataOf(user: AuthUser): TokenData {
  return {
    username: user.username,
    email: user.email,
    full_name: user.fullName ?? null,
    roles: user.roles,
    exp: user.expiresAt ?? null,
    preferred_username: user.username,
    is_admin: user.isAdmin,
    is_publisher: user.isPublisher,
  };
}
