import { Module } from '@nestjs/common';

/** SSE: /watch/{id} and /notifications/stream. (to be built) */
@Module({})
export class StreamsModule {}
