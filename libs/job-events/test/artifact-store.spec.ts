import { createHash, randomBytes } from 'node:crypto';
import { ArtifactStore } from '../src/artifact.store';
import { ArtifactStoreError } from '../src/errors';
import { redisFixture } from './redis-fixture';

const fixture = redisFixture();
const redis = fixture.connect();
const store = new ArtifactStore({ redis, keyPrefix: fixture.prefix });
// An API replica reading what the worker stored: its own connection.
const reader = new ArtifactStore({ redis: fixture.connect(), keyPrefix: fixture.prefix });

afterAll(() => fixture.cleanup());

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('ArtifactStore on the real Redis', () => {
  it('keeps the exact bytes under the key prefix, with their size and sha-256, for the ttl', async () => {
    const bytes = randomBytes(300_000); // binary, every byte value
    const artifact = await store.put('job-1', bytes, { ttlMs: 60_000, sha256: sha(bytes) });
    expect(artifact).toEqual({ location: 'redis:artifacts/job-1', size_bytes: 300_000, sha256: sha(bytes) });
    const back = await reader.get(artifact.location);
    expect(back).not.toBeNull();
    expect(Buffer.compare(Buffer.from(back!), bytes)).toBe(0);
    const ttl = await redis.pttl(`${fixture.prefix}artifacts:job-1`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('replaces a job artifact on a re-run, computes the sha when not given, and takes a sub-array as it is', async () => {
    await store.put('job-2', Buffer.from('first attempt, a longer zip'), { ttlMs: 60_000 });
    const whole = new Uint8Array([9, 9, 1, 2, 3, 9]);
    const part = whole.subarray(2, 5);
    const second = await store.put('job-2', part, { ttlMs: 60_000 });
    expect(second.sha256).toBe(sha(new Uint8Array([1, 2, 3])));
    expect([...(await store.get(second.location))!]).toEqual([1, 2, 3]);
  });

  it('is gone after its ttl and after delete', async () => {
    const short = await store.put('job-3', Buffer.from('x'), { ttlMs: 1 });
    for (let i = 0; i < 100 && (await store.get(short.location)) !== null; i += 1) await new Promise((r) => setTimeout(r, 10));
    expect(await store.get(short.location)).toBeNull();

    expect(await store.exists(short.location)).toBe(false);

    const kept = await store.put('job/4 ä', Buffer.from('y'), { ttlMs: 60_000 });
    expect(kept.location).toBe('redis:artifacts/job%2F4%20%C3%A4');
    expect(await store.exists(kept.location)).toBe(true);
    expect(await store.delete('job/4 ä')).toBe(true);
    expect(await store.exists(kept.location)).toBe(false);
    expect(await store.delete('job/4 ä')).toBe(false);
    expect(await store.get(kept.location)).toBeNull();
  });

  it('refuses a sha-256 that does not match, a bad ttl and a foreign location, storing nothing', async () => {
    const wrongSha = await store.put('job-5', Buffer.from('z'), { ttlMs: 60_000, sha256: sha(Buffer.from('other')) }).catch((e: unknown) => e);
    expect(wrongSha).toBeInstanceOf(ArtifactStoreError);
    expect((wrongSha as ArtifactStoreError).toJSON()).toEqual({ name: 'ArtifactStoreError', code: 'invalid_artifact', message: expect.any(String), jobId: 'job-5' });
    await expect(store.put('job-5', Buffer.from('z'), { ttlMs: 0 })).rejects.toMatchObject({ code: 'invalid_artifact' });
    await expect(store.put('', Buffer.from('z'), { ttlMs: 10 })).rejects.toMatchObject({ code: 'invalid_artifact' });
    expect(await redis.exists(`${fixture.prefix}artifacts:job-5`)).toBe(0);
    for (const location of ['s3://bucket/job-5', 'redis:artifacts/', 'redis:artifacts/%E0%A4%A']) {
      await expect(store.get(location)).rejects.toMatchObject({ code: 'invalid_location' });
      await expect(store.exists(location)).rejects.toMatchObject({ code: 'invalid_location' });
    }
  });
});
