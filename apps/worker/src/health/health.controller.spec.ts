import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createWorkerApp } from '../bootstrap';

describe('worker HTTP surface', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await createWorkerApp();
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(() => app.close());

  it('answers liveness', async () => {
    const res = await fetch(`${base}/health/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('has no API routes', async () => {
    expect((await fetch(`${base}/api/manual/v1/health`)).status).toBe(404);
  });
});
