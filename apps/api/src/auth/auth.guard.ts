import { Inject, Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { API_CONFIG, REQUEST_AUTHENTICATOR } from '../api.tokens';
import type { ApiConfig, RequestAuthenticator } from '../api.tokens';
import { ApiError } from '../errors/api-error';
import type { AuthUser } from './auth-user';
import { ALLOW_TICKET, IS_PUBLIC, REQUIRED_ROLE } from './auth.decorators';

interface GuardedRequest {
  headers: { authorization?: string };
  query?: Record<string, unknown>;
  user?: AuthUser;
}

/** `?ticket=` when given once as a plain value (an empty one is still a ticket, and is refused). */
function ticketOf(query: Record<string, unknown> | undefined): string | undefined {
  const value = query?.['ticket'];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : '';
}

/**
 * The global guard (APP_GUARD): `@Public()` routes pass untouched; `@AllowTicket()` routes take a `?ticket=`
 * when one is given; every other request needs `Authorization: Bearer`. Then `@RequireRole()` is checked
 * against the configured role names. The user is put on `request.user`.
 */
@Injectable()
export class ApiAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(REQUEST_AUTHENTICATOR) private readonly authenticator: RequestAuthenticator,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const ticket = this.reflector.getAllAndOverride<boolean | undefined>(ALLOW_TICKET, targets) ? ticketOf(request.query) : undefined;
    const user = ticket === undefined ? await this.authenticator.fromAuthorization(request.headers.authorization) : await this.authenticator.fromTicket(ticket);
    request.user = user;
    const role = this.reflector.getAllAndOverride<'publisher' | 'admin' | undefined>(REQUIRED_ROLE, targets);
    if (role === 'admin' && !user.isAdmin) throw ApiError.forbidden(`This needs the ${this.config.auth.adminRole} role`, 'role_required');
    if (role === 'publisher' && !user.isPublisher) throw ApiError.forbidden(`This needs the ${this.config.auth.publisherRole} role`, 'role_required');
    return true;
  }
}
