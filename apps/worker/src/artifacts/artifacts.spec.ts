import { ArtifactStore } from '@zmp-manual/job-events';
import { createHash, randomBytes } from 'node:crypto';
import type { SideServicesApp } from '../maintenance/testing/side-services.testing';
import { deleteKeys, startSideServices } from '../maintenance/testing/side-services.testing';
import type { ArtifactSink } from '../worker.tokens';
import { ARTIFACT_SINK } from '../worker.tokens';
import { ArtifactsModule } from './artifacts.module';

let side: SideServicesApp;
let sink: ArtifactSink;

beforeAll(async () => {
  side = await startSideServices({ imports: [ArtifactsModule], config: { retention: { artifactMaxAgeMs: 3_600_000, artifactMaxBytes: 4096 } } });
  sink = side.app.get<ArtifactSink>(ARTIFACT_SINK);
});

afterAll(async () => {
  await side.close();
  await deleteKeys(side.config.keyPrefix);
});

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('ARTIFACT_SINK', () => {
  it('keeps a zip for ARTIFACT_RETENTION_DAYS where an API replica reads it back byte for byte', async () => {
    const zip = randomBytes(4096);
    const artifact = await sink.put('job-a', zip, sha(zip));
    expect(artifact).toEqual({ location: 'redis:artifacts/job-a', size_bytes: 4096, sha256: sha(zip) });
    const api = new ArtifactStore({ redis: side.redis, keyPrefix: side.config.keyPrefix });
    expect(Buffer.from((await api.get(artifact!.location))!).equals(zip)).toBe(true);
    const ttl = await side.redis.pttl(`${side.config.keyPrefix}artifacts:job-a`);
    expect(ttl).toBeGreaterThan(3_500_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
  });

  it('keeps nothing larger than ARTIFACT_MAX_BYTES, and refuses bytes that do not match their sha-256', async () => {
    const big = randomBytes(4097);
    expect(await sink.put('job-big', big, sha(big))).toBeNull();
    expect(await side.redis.exists(`${side.config.keyPrefix}artifacts:job-big`)).toBe(0);
    await expect(sink.put('job-bad', randomBytes(10), sha(Buffer.from('x')))).rejects.toMatchObject({ code: 'invalid_artifact' });
  });
});
