import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/**
 * `GET /notifications`, `GET /notifications/latest`, `POST /notifications/{id}/read`, `POST /notifications/clear`
 * (the stream, `GET /notifications/stream`, is the streams module's).
 */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService],
})
export class NotificationsModule {}
