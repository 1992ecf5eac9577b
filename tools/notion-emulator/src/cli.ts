import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { generateWorkspace } from './fixtures/generated-workspace';
import { startNotionEmulator } from './server/notion-emulator';
import { loadWorkspace } from './workspace-io';

const HELP = `Usage: notion-emulator [options]

Serves a fixture workspace over the Notion REST API (Notion-Version 2025-09-03).

  --workspace <dir>     workspace folder (default: tools/notion-emulator/fixtures/demo)
  --generated <pages>   serve a generated workspace of this many pages instead
  --port <n>            port (default 4030; 0 = any free port)
  --host <addr>         address to bind (default 127.0.0.1)
  --token <token>       integration token to accept (default secret_emulator)
  --rate-limit <n>      average requests per second, 0 = off (default 3)
  --burst <n>           requests allowed at once (default 5)
  --fault-rate <0..1>   share of API requests answered 500/502/503 (default 0)
  --help                show this text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workspace: { type: 'string', default: resolve(__dirname, '../fixtures/demo') },
      generated: { type: 'string' },
      port: { type: 'string', default: '4030' },
      host: { type: 'string', default: '127.0.0.1' },
      token: { type: 'string', default: 'secret_emulator' },
      'rate-limit': { type: 'string', default: '3' },
      burst: { type: 'string', default: '5' },
      'fault-rate': { type: 'string', default: '0' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const rate = Number(values['rate-limit']);
  const workspace = values.generated
    ? generateWorkspace({ pages: Number(values.generated), seed: 1 })
    : await loadWorkspace(values.workspace);
  const emulator = await startNotionEmulator({
    workspace,
    port: Number(values.port),
    host: values.host,
    tokens: [values.token],
    rateLimit: rate > 0 ? { requestsPerSecond: rate, burst: Number(values.burst) } : false,
    faults: { rate: Number(values['fault-rate']) },
  });
  console.log(`Notion emulator: ${emulator.url} (workspace "${workspace.name}", root page ${workspace.rootPageId})`);
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`notion-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
