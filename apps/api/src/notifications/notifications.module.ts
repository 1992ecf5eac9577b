import { Module } from '@nestjs/common';

/** Notifications REST routes. (to be built) */
@Module({})
export class NotificationsModule {}
