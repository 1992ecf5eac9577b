import type { Client } from '@notionhq/client';
import { createFileMemoryStore } from '@zmp-manual/mdx-translator';
import { createNotionClient, createProvider, maskSecrets } from '@zmp-manual/publish-pipeline';
import type { PipelineSettings, PipelineTranslationOptions } from '@zmp-manual/publish-pipeline';
import type { CliIo } from '../cli-io';
import type { CommonOptions } from '../options/common-options';
import { memoryDir } from './folders';

/**
 * The Notion client of a command. Its own log (a line per failed request, which the exporter retries or
 * reports itself) goes to stderr with `--debug`, secrets masked, and is dropped otherwise, so it never breaks
 * the progress lines.
 */
export function notionClient(settings: PipelineSettings, io: CliIo, options: CommonOptions, secrets: readonly string[]): Client {
  return createNotionClient(settings, {
    logger: (level, message, extraInfo) => {
      if (options.debug) io.stderr.write(`${maskSecrets(`notion ${level}: ${message} ${JSON.stringify(extraInfo)}`, secrets)}\n`);
    },
  });
}

/** The translation options of a command: the provider, the solution's translation memory in the data folder, the limits. */
export function translationOptions(settings: Pick<PipelineSettings, 'translation'>, dataDir: string, solution: string): PipelineTranslationOptions {
  return {
    provider: createProvider(settings),
    memory: createFileMemoryStore({ directory: memoryDir(dataDir, solution) }),
    maxChunkTokens: settings.translation.maxChunkTokens,
    maxConcurrentRequests: settings.translation.maxConcurrentRequests,
  };
}
