import { resolve } from 'node:path';
import { generateWorkspace } from './fixtures/generated-workspace';
import { CLI_HELP, CliUsageError, parseCliOptions } from './server/cli-options';
import { startNotionEmulator } from './server/notion-emulator';
import { loadWorkspace } from './workspace-io';

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2), resolve(__dirname, '../fixtures/demo'));
  if (options.help) {
    console.log(CLI_HELP);
    return;
  }
  const workspace =
    options.generated !== undefined
      ? generateWorkspace({ pages: options.generated, seed: 1 })
      : await loadWorkspace(options.workspace);
  const emulator = await startNotionEmulator({
    workspace,
    port: options.port,
    host: options.host,
    tokens: [options.token],
    rateLimit: options.rateLimit,
    faults: { rate: options.faultRate },
  });
  console.log(`Notion emulator: ${emulator.url} (workspace "${workspace.name}", root page ${workspace.rootPageId})`);
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof CliUsageError) {
    console.error(`notion-emulator: ${error.message}\n\n${CLI_HELP}`);
    process.exit(2);
  }
  console.error(`notion-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
