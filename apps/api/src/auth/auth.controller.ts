import { Controller, Get, Header, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { SSE_TICKETS } from '../api.tokens';
import type { TicketIssuer } from '../api.tokens';
import type { AuthUser } from './auth-user';
import { CurrentUser, Public } from './auth.decorators';
import { KeycloakCodeExchange } from './keycloak-code-exchange.service';
import { tokenDataOf } from './token-data';
import type { TokenData } from './token-data';

/** `auth/*` under APP_ROOT: SSE tickets, who am I, and the original's Swagger OAuth2 code exchange. */
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(SSE_TICKETS) private readonly tickets: TicketIssuer,
    private readonly codes: KeycloakCodeExchange,
  ) {}

  /** A single-use ticket for `?ticket=` (EventSource cannot send a header): `{"ticket", "expires_in"}`. */
  @Post('sse-ticket')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  ticket(@CurrentUser() user: AuthUser): Promise<{ ticket: string; expires_in: number }> {
    return this.tickets.issue(user);
  }

  @Get('me')
  me(@CurrentUser() user: AuthUser): TokenData {
    return tokenDataOf(user);
  }

  /** Keycloak's token JSON for an authorization code, as it came. */
  @Public()
  @Get('docs/oauth2-redirect')
  @Header('Cache-Control', 'no-store')
  oauth2Redirect(@Query('code') code: unknown): Promise<Record<string, unknown>> {
    return this.codes.exchange(code);
  }
}
