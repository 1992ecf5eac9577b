import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8000);
  const host = process.env.HOST ?? '0.0.0.0';
  const app = await createApiApp();
  await app.listen(port, host);
  console.log(`zmp-manual API listening on http://${host}:${port}/api/manual/v1`);
}

void main();
