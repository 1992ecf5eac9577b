import { Inject, Injectable } from '@nestjs/common';
import passport from 'passport';
import { API_CONFIG, SSE_TICKETS } from '../api.tokens';
import type { ApiConfig, RequestAuthenticator, TicketIssuer } from '../api.tokens';
import { ApiError } from '../errors/api-error';
import type { AuthUser } from './auth-user';
import { JwtStrategy } from './jwt.strategy';
import { tokenRefusal } from './token-refusal';

/** `Bearer <header>.<payload>.<signature>` (the signature may be empty: `alg: none` is refused later, as invalid). */
const BEARER = /^Bearer +(\S+) *$/i;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Authenticates a request from its `Authorization` header (through passport and the `jwt` strategy) or a
 * single-use ticket. The global guard uses it, and so does the queue dashboard, which is mounted beside Nest.
 */
@Injectable()
export class PassportRequestAuthenticator implements RequestAuthenticator {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly strategy: JwtStrategy,
    @Inject(SSE_TICKETS) private readonly tickets: TicketIssuer,
  ) {}

  async fromAuthorization(header: string | undefined): Promise<AuthUser> {
    const token = header === undefined ? null : (BEARER.exec(header)?.[1] ?? null);
    if (token === null) throw ApiError.unauthorized('Not authenticated', 'not_authenticated');
    if (!COMPACT_JWS.test(token)) throw ApiError.unauthorized('Invalid token format', 'invalid_token_format');
    return this.verify(token);
  }

  async fromTicket(ticket: string): Promise<AuthUser> {
    const user = await this.tickets.redeem(ticket);
    if (user === null) throw ApiError.unauthorized('Invalid or expired ticket', 'invalid_ticket');
    return user;
  }

  /**
   * Runs the strategy through passport on a request that carries only the header. The strategy instance of
   * this app is used (not passport's global registry, which another app in the process may have overwritten),
   * through a per-call object, since passport attaches the call's callbacks to the strategy it runs.
   */
  private verify(token: string): Promise<AuthUser> {
    return new Promise((resolve, reject) => {
      const request = { headers: { authorization: `Bearer ${token}` } };
      const attempt = Object.create(this.strategy) as JwtStrategy;
      const middleware = passport.authenticate(attempt, { session: false }, (error: unknown, user: AuthUser | false | null, info: unknown) => {
        if (error || !user) reject(tokenRefusal(error || info, this.config.auth));
        else resolve(user);
      }) as (req: unknown, res: unknown, next: (error?: unknown) => void) => void;
      middleware(request, {}, (error) => reject(tokenRefusal(error, this.config.auth)));
    });
  }
}
