import { Module } from '@nestjs/common';

/** POST /publish, jobs, cancel, artifact links and downloads. (to be built) */
@Module({})
export class JobsModule {}
