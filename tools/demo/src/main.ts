import { parseArgs } from 'node:util';
import { DEFAULT_PORTS, startDemo } from './demo';

const HELP = `Usage: npm run demo [-- --once]

Starts the local Notion, OpenAI and git emulators (ports ${DEFAULT_PORTS.notion}, ${DEFAULT_PORTS.openai}, ${DEFAULT_PORTS.git},
or free ones when those are taken), takes a short tour through each with its real client, prints where
they listen, and keeps them running until Ctrl-C.

  --once    stop after the tour (for scripts)
  --help    show this text`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { once: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const demo = await startDemo();
  if (values.once) {
    await demo.stop();
    return;
  }
  console.log('\nPress Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await demo.stop();
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
