import { Module } from '@nestjs/common';
import { ArtifactLinksService } from './artifact-links.service';
import { DownloadsController } from './downloads.controller';
import { JobAccessService } from './job-access.service';
import { JobCancelService } from './job-cancel.service';
import { JobsController } from './jobs.controller';
import { JobsListService } from './jobs-list.service';
import { PublishController } from './publish.controller';
import { PublishService } from './publish.service';

/**
 * `POST /publish`, `GET /jobs`, `GET /jobs/{id}`, `POST /jobs/{id}/cancel`, `GET /jobs/{id}/artifact` and
 * `GET /downloads/{token}` (paths under `APP_ROOT`). Uses the core module's stores and the publish queue
 * (producer only).
 */
@Module({
  controllers: [PublishController, JobsController, DownloadsController],
  providers: [PublishService, JobAccessService, JobsListService, JobCancelService, ArtifactLinksService],
})
export class JobsModule {}
