import type { Provider } from '@nestjs/common';
import { PUBLISH_PIPELINE } from './publish-pipeline.port';
import { PublishPipelineService } from './publish-pipeline.service';

export const publishPipelineProviders: Provider[] = [PublishPipelineService, { provide: PUBLISH_PIPELINE, useExisting: PublishPipelineService }];
