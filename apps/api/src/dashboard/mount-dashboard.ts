import type { INestApplication } from '@nestjs/common';
import type { ApiConfig } from '../api.tokens';

/** Mounts the admins' queue dashboard (called by bootstrap after the app is created). (to be built) */
export function mountDashboard(_app: INestApplication, _config: ApiConfig): void {}
