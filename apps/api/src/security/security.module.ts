import { Module } from '@nestjs/common';

/** Rate limiting and the exception filter. (to be built) */
@Module({})
export class SecurityModule {}
