import { Module } from '@nestjs/common';

/**
 * The documentation has no Nest provider or controller: the OpenAPI document is data built from the
 * configuration (openapi.document.ts) and bootstrap serves it with Swagger UI through `setupDocs`
 * (setup-docs.ts), as Express routes outside the auth guard.
 */
@Module({})
export class DocsModule {}
