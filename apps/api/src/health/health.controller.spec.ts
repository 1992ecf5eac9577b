import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createApiApp } from '../bootstrap';
import type { HealthBody } from './health.controller';

describe('API health (over HTTP)', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await createApiApp();
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(() => app.close());

  it.each(['/health', '/api/manual/v1/health'])('answers %s in the original shape', async (path) => {
    const res = await fetch(base + path);
    expect(res.status).toBe(200);
    const body = (await res.json()) as HealthBody;
    expect(Object.keys(body).sort()).toEqual(['status', 'timestamp', 'version']);
    expect(body.status).toBe('healthy');
    expect(body.version).toBe('0.1.0');
    expect(Number.isNaN(Date.parse(body.timestamp))).toBe(false);
  });

  it('answers 404 for an unknown route', async () => {
    expect((await fetch(`${base}/api/manual/v1/nope`)).status).toBe(404);
  });
});
