import { Inject, Injectable } from '@nestjs/common';
import type { ArtifactStore, JobStore } from '@zmp-manual/job-events';
import { createHash } from 'node:crypto';
import { API_CONFIG, ARTIFACT_STORE, JOB_STORE } from '../api.tokens';
import type { ApiConfig } from '../api.tokens';
import { mayAccess } from '../auth/auth-user';
import type { AuthUser } from '../auth/auth-user';
import { ApiError } from '../errors/api-error';
import { signDownloadToken, verifyDownloadToken } from './download-link';
import { JobAccessService } from './job-access.service';

export interface DownloadLink {
  /** `${APP_ROOT}/downloads/<token>`: a path on this API, usable without a token until `expires_at`. */
  download_url: string;
  expires_at: string;
}

export interface ArtifactFile {
  bytes: Uint8Array;
  filename: string;
  sha256: string;
}

const NO_ARTIFACT = 'Job has no artifact';
const safeName = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * Download links for job artifacts: `link` (the job's owner or an admin) signs a short-lived token bound to the
 * job, the user and an expiry (`DOWNLOAD_SIGNING_SECRET`, `DOWNLOAD_LINK_TTL_S`); `download` checks the token,
 * that its user may still see the job, and that the artifact is still kept.
 */
@Injectable()
export class ArtifactLinksService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(JOB_STORE) private readonly jobs: JobStore,
    @Inject(ARTIFACT_STORE) private readonly artifacts: ArtifactStore,
    private readonly access: JobAccessService,
  ) {}

  async link(jobId: string, user: AuthUser): Promise<DownloadLink> {
    const record = await this.access.find(jobId, user);
    // Still kept? (They expire on their own.) Checked without reading the bytes.
    if (record.artifact === null || !(await this.artifacts.exists(record.artifact.location))) throw ApiError.notFound(NO_ARTIFACT, 'artifact_not_found');
    const expiresAt = Math.floor(Date.now() / 1000) + this.config.downloads.ttlSeconds;
    const token = signDownloadToken({ jobId: record.job_id, username: user.username, isAdmin: user.isAdmin, expiresAt }, this.config.downloads.secret);
    return { download_url: `${this.config.appRoot}/downloads/${token}`, expires_at: new Date(expiresAt * 1000).toISOString() };
  }

  async download(token: string): Promise<ArtifactFile> {
    const check = verifyDownloadToken(token, this.config.downloads.secret, Math.floor(Date.now() / 1000));
    if (!check.ok && check.reason === 'expired') {
      throw ApiError.gone('Download link expired; ask GET /jobs/{id}/artifact for a new one', 'download_link_expired');
    }
    if (!check.ok) throw ApiError.forbidden('Download link is invalid', 'download_link_invalid');
    const { jobId, username, isAdmin } = check.claims;
    const record = await this.jobs.get(jobId);
    if (record === null) throw ApiError.notFound('Job not found', 'job_not_found');
    if (!mayAccess({ username, isAdmin }, record.initiated_by)) throw ApiError.forbidden('Not authorized to view this job', 'job_forbidden');
    const bytes = record.artifact === null ? null : await this.artifacts.get(record.artifact.location);
    if (record.artifact === null || bytes === null) throw ApiError.notFound(NO_ARTIFACT, 'artifact_not_found');
    return {
      bytes,
      filename: `${safeName(record.solution ?? 'manual')}-${safeName(record.job_id)}.zip`,
      sha256: record.artifact.sha256 ?? createHash('sha256').update(bytes).digest('hex'),
    };
  }
}
