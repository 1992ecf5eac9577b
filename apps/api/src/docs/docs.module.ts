import { Module } from '@nestjs/common';

/** OpenAPI document and Swagger UI. (to be built) */
@Module({})
export class DocsModule {}
