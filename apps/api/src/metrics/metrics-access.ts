import { Inject, Injectable } from '@nestjs/common';
import { API_CONFIG, REQUEST_AUTHENTICATOR } from '../api.tokens';
import type { ApiConfig, RequestAuthenticator } from '../api.tokens';
import { ApiError } from '../errors/api-error';

/**
 * Who may scrape: anyone when `METRICS_PUBLIC` is true (the default: Prometheus inside the cluster), else only
 * an admin's Bearer token. The route is `@Public()` for the global guard, so the check is made here.
 */
@Injectable()
export class MetricsAccess {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(REQUEST_AUTHENTICATOR) private readonly authenticator: RequestAuthenticator,
  ) {}

  /** Resolves when the caller may read the metrics; `ApiError` 401 (no or bad token) or 403 (not an admin) otherwise. */
  async check(authorization: string | undefined): Promise<void> {
    if (this.config.metricsPublic) return;
    const user = await this.authenticator.fromAuthorization(authorization);
    if (!user.isAdmin) throw ApiError.forbidden(`Metrics need the ${this.config.auth.adminRole} role (METRICS_PUBLIC is false)`);
  }
}
