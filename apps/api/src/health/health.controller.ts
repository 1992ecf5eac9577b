import { Controller, Get } from '@nestjs/common';

export interface HealthBody {
  status: 'healthy';
  version: string;
  timestamp: string;
}

/** `GET /health` and `GET /api/manual/v1/health`, in the original service's shape. */
@Controller()
export class HealthController {
  static readonly version = '0.1.0';

  @Get(['health', 'api/manual/v1/health'])
  health(): HealthBody {
    return { status: 'healthy', version: HealthController.version, timestamp: new Date().toISOString() };
  }
}
