import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { REQUEST_AUTHENTICATOR, SSE_TICKETS } from '../api.tokens';
import { ApiAuthGuard } from './auth.guard';
import { AuthController } from './auth.controller';
import { JwksKeyStore } from './jwks-key.store';
import { JwtStrategy } from './jwt.strategy';
import { KeycloakCodeExchange } from './keycloak-code-exchange.service';
import { PassportRequestAuthenticator } from './request-authenticator.service';
import { SseTicketService } from './sse-ticket.service';

/**
 * Authentication (docs/decisions/0005-api.md): bearer JWTs through passport-jwt — RS256 with the issuer's
 * JWKS (AUTH_MODE=keycloak) or HS256 with AUTH_DEV_SECRET (dev) —, roles, single-use SSE tickets, the global
 * guard, and the `auth/*` routes. Global: other modules inject REQUEST_AUTHENTICATOR and SSE_TICKETS.
 */
@Global()
@Module({
  imports: [PassportModule],
  controllers: [AuthController],
  providers: [
    JwksKeyStore,
    JwtStrategy,
    SseTicketService,
    { provide: SSE_TICKETS, useExisting: SseTicketService },
    PassportRequestAuthenticator,
    { provide: REQUEST_AUTHENTICATOR, useExisting: PassportRequestAuthenticator },
    KeycloakCodeExchange,
    { provide: APP_GUARD, useClass: ApiAuthGuard },
  ],
  exports: [REQUEST_AUTHENTICATOR, SSE_TICKETS],
})
export class AuthModule {}
