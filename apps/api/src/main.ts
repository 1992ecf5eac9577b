import { Logger } from '@nestjs/common';
import { ConfigError } from '@zmp-manual/app-config';
import type { ApiConfig } from './api.tokens';
import { createApiApp } from './bootstrap';
import { loadApiConfig } from './config/load-api-config';

/** The configuration, or exit 1 with one line naming the bad variables (never their values). */
function configOrExit(): ApiConfig {
  try {
    return loadApiConfig(process.env);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `Invalid API configuration: ${(error as Error).message}`);
    process.exit(1);
  }
}

/** The Redis URL without its password. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(redis url)';
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = new Logger('Api');
  if (!config.downloads.secretFromEnv) {
    logger.warn('DOWNLOAD_SIGNING_SECRET is not set: a random key is used, so artifact download links work only on this replica and until it restarts');
  }
  const app = await createApiApp(config);
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as { port: number };
  logger.log(`zmp-manual API ${config.instanceName} listening on http://${config.host}:${port}${config.appRoot} (health at /health) with Redis ${redactUrl(config.redisUrl)} prefix "${config.keyPrefix}"`);
}

main().catch((error: Error) => {
  console.error(`zmp-manual API failed to start: ${error.message}`);
  process.exit(1);
});
