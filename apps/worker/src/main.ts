import { createWorkerApp } from './bootstrap';

async function main(): Promise<void> {
  const port = Number(process.env.WORKER_HEALTH_PORT ?? 8081);
  const app = await createWorkerApp();
  await app.listen(port, '0.0.0.0');
  console.log(`zmp-manual worker: health on http://0.0.0.0:${port}/health/live`);
}

void main();
