import { Global, Module } from '@nestjs/common';
import { MANUALS_PATHS } from '../api.tokens';
import { ManualsCacheService } from './manuals-cache.service';
import { ManualsInvalidationListener } from './manuals-invalidation.listener';
import { ManualsPathsService } from './manuals-paths.service';
import { manualsTreeSourceProvider } from './manuals-tree.source';
import { ManualsController } from './manuals.controller';
import { ManualsService } from './manuals.service';

/**
 * `/sidebar`, `/manuals`, `/manuals/refresh` and the manuals cache (memory → Redis → one Notion crawl on a
 * miss), kept in step with every other process through the bus. Exports `MANUALS_PATHS` (the full slug path
 * of a page, for `/watch` and notifications).
 */
@Global()
@Module({
  controllers: [ManualsController],
  providers: [
    manualsTreeSourceProvider,
    ManualsCacheService,
    ManualsInvalidationListener,
    ManualsService,
    ManualsPathsService,
    { provide: MANUALS_PATHS, useExisting: ManualsPathsService },
  ],
  exports: [MANUALS_PATHS],
})
export class ManualsModule {}
