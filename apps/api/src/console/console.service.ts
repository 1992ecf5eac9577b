import { Inject, Injectable, Logger } from '@nestjs/common';
import { API_CONFIG } from '../api.tokens';
import type { ApiConfig } from '../api.tokens';
import { consoleStaticDir, loadConsoleAssets } from './console-assets';
import type { ConsoleAsset } from './console-assets';
import { consoleConfig } from './console-config';
import type { ConsoleConfig } from './console-config';

/** The console's files, read once at start, and its `config.json`. */
@Injectable()
export class ConsoleService {
  private readonly logger = new Logger('Console');
  private readonly assets: Map<string, ConsoleAsset> | null;
  readonly config: ConsoleConfig;

  constructor(@Inject(API_CONFIG) apiConfig: ApiConfig) {
    this.assets = loadConsoleAssets(consoleStaticDir());
    if (this.assets === null) this.logger.warn('The web console is not available: its files (console/static) were not found beside the API');
    this.config = consoleConfig(apiConfig);
  }

  /** A file of the console; `null` for any other name (or when the files are missing). */
  asset(name: string): ConsoleAsset | null {
    return this.assets?.get(name) ?? null;
  }
}
