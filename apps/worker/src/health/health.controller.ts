import { Controller, Get } from '@nestjs/common';

/** The worker's only HTTP surface: liveness for Kubernetes probes. */
@Controller('health')
export class HealthController {
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
