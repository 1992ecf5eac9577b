import { Module } from '@nestjs/common';

/** /sidebar, /manuals, /manuals/refresh and the manuals cache. (to be built) */
@Module({})
export class ManualsModule {}
