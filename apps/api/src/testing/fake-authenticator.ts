import { randomUUID } from 'node:crypto';
import type { RequestAuthenticator } from '../api.tokens';
import type { AuthUser } from '../auth/auth-user';
import { ApiError } from '../errors/api-error';

/** A user as the auth module would make it, with the default admin role when `isAdmin`. */
export const fakeUser = (username: string, isAdmin: boolean): AuthUser => ({
  username,
  subject: username,
  email: null,
  roles: isAdmin ? ['manual-admin'] : [],
  isAdmin,
  isPublisher: isAdmin,
});

/**
 * `REQUEST_AUTHENTICATOR` stand-in for specs of what sits beside Nest's guard (metrics, the queue dashboard):
 * `Bearer admin` is an admin, `Bearer ann` a plain user, anything else 401; tickets are made by `ticketFor` and
 * work once, as the real ones.
 */
export class FakeAuthenticator implements RequestAuthenticator {
  private readonly tickets = new Map<string, AuthUser>();

  async fromAuthorization(header: string | undefined): Promise<AuthUser> {
    if (header === 'Bearer admin') return fakeUser('admin', true);
    if (header === 'Bearer ann') return fakeUser('ann', false);
    throw ApiError.unauthorized(header ? 'Invalid token' : 'Not authenticated');
  }

  async fromTicket(ticket: string): Promise<AuthUser> {
    const found = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    if (!found) throw ApiError.unauthorized('Invalid or expired ticket');
    return found;
  }

  ticketFor(user: AuthUser): string {
    const ticket = randomUUID();
    this.tickets.set(ticket, user);
    return ticket;
  }
}
