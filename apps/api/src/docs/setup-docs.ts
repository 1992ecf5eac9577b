import type { INestApplication } from '@nestjs/common';
import type { ApiConfig } from '../api.tokens';

/** Serves the OpenAPI document and Swagger UI (called by bootstrap after the app is created). (to be built) */
export function setupDocs(_app: INestApplication, _config: ApiConfig): void {}
