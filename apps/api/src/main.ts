import { Logger } from '@nestjs/common';
import { loadConfigOrExit, withoutPassword } from '@zmp-manual/app-config';
import { createApiApp } from './bootstrap';
import { loadApiConfig } from './config/load-api-config';

async function main(): Promise<void> {
  const config = loadConfigOrExit('API', () => loadApiConfig(process.env));
  const logger = new Logger('Api');
  if (!config.downloads.secretFromEnv) {
    logger.warn('DOWNLOAD_SIGNING_SECRET is not set: a random key is used, so artifact download links work only on this replica and until it restarts');
  }
  const app = await createApiApp(config);
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as { port: number };
  logger.log(`zmp-manual API ${config.instanceName} listening on http://${config.host}:${port}${config.appRoot} (health at /health) with Redis ${withoutPassword(config.redisUrl)} prefix "${config.keyPrefix}"`);
}

main().catch((error: Error) => {
  console.error(`zmp-manual API failed to start: ${error.message}`);
  process.exit(1);
});
