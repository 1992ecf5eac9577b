import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ArtifactStoreError, redisCall } from './errors';
import type { JobArtifact } from './job-record';
import { keySpace } from './keys';
import type { KeySpace } from './keys';

export interface ArtifactStoreOptions {
  /** A connection for plain commands (can be shared). */
  redis: Redis;
  /** Prepended to every key, e.g. `zmp:`. */
  keyPrefix: string;
  clock?: () => Date;
}

export interface ArtifactPutOptions {
  /** How long the artifact is kept (ms); it expires on its own afterwards. */
  ttlMs: number;
  /** The sha-256 (hex) of `bytes` when the caller has it: checked, not trusted. Computed when absent. */
  sha256?: string;
}

const LOCATION_PREFIX = 'redis:artifacts/';

/** The location of a job's artifact: opaque to callers, stable for a job id, free of the key prefix. */
export const artifactLocation = (jobId: string) => `${LOCATION_PREFIX}${encodeURIComponent(jobId)}`;

/**
 * A job's artifact (the zip of its generated tree) kept in Redis with a time-to-live, so every API replica
 * can serve it without a shared volume. One artifact per job: a re-run replaces it. Keys:
 * `<prefix>artifacts:<jobId>`, a hash `{data, sha256, created_at}` that expires after `ttlMs`.
 */
export class ArtifactStore {
  private readonly keys: KeySpace;
  private readonly clock: () => Date;

  constructor(private readonly options: ArtifactStoreOptions) {
    this.keys = keySpace(options.keyPrefix);
    this.clock = options.clock ?? (() => new Date());
  }

  /** Stores `bytes` for `jobId` (replacing what was there) and returns where it is, its size and sha-256. */
  put(jobId: string, bytes: Uint8Array, options: ArtifactPutOptions): Promise<JobArtifact> {
    return redisCall('ArtifactStore.put', async () => {
      if (!jobId) throw new ArtifactStoreError('invalid_artifact', 'An artifact needs a job id', null);
      if (!Number.isInteger(options.ttlMs) || options.ttlMs <= 0) {
        throw new ArtifactStoreError('invalid_artifact', `ttlMs must be a positive integer, got ${options.ttlMs}`, jobId);
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (options.sha256 !== undefined && options.sha256.toLowerCase() !== sha256) {
        throw new ArtifactStoreError('invalid_artifact', `The artifact of job ${jobId} does not have the sha-256 given`, jobId);
      }
      const key = this.keys.artifact(jobId);
      const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      await this.options.redis
        .multi()
        .del(key)
        .hset(key, 'data', data, 'sha256', sha256, 'created_at', this.clock().toISOString())
        .pexpire(key, options.ttlMs)
        .exec()
        .then(throwFirstError);
      return { location: artifactLocation(jobId), size_bytes: bytes.byteLength, sha256 };
    });
  }

  /** Whether the bytes at `location` are still kept (without reading them). `invalid_location` for a foreign one. */
  exists(location: string): Promise<boolean> {
    return redisCall('ArtifactStore.exists', async () => (await this.options.redis.exists(this.keys.artifact(jobIdOf(location)))) === 1);
  }

  /** The bytes at `location`, or null once they expired or were deleted. `invalid_location` for a foreign one. */
  get(location: string): Promise<Uint8Array | null> {
    return redisCall('ArtifactStore.get', async () => {
      return this.options.redis.hgetBuffer(this.keys.artifact(jobIdOf(location)), 'data');
    });
  }

  /** Deletes the artifact of `jobId`; `true` if there was one. */
  delete(jobId: string): Promise<boolean> {
    return redisCall('ArtifactStore.delete', async () => (await this.options.redis.del(this.keys.artifact(jobId))) === 1);
  }
}

function jobIdOf(location: string): string {
  if (location.startsWith(LOCATION_PREFIX)) {
    try {
      const jobId = decodeURIComponent(location.slice(LOCATION_PREFIX.length));
      if (jobId) return jobId;
    } catch {
      // a malformed escape: not one of ours
    }
  }
  throw new ArtifactStoreError('invalid_location', `Not an artifact location of this store: ${location}`, null);
}

/** MULTI answers each command with [error, reply]; the first error is the transaction's. */
function throwFirstError(replies: [Error | null, unknown][] | null): void {
  const failed = replies?.find(([error]) => error !== null);
  if (failed) throw failed[0];
  if (replies === null) throw new Error('MULTI was discarded');
}
