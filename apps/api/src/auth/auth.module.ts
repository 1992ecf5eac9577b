import { Module } from '@nestjs/common';

/** Authentication (JWT RS256/JWKS or HS256 dev), roles, SSE tickets, the oauth2 redirect. (to be built) */
@Module({})
export class AuthModule {}
