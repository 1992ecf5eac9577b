import { parseArgs } from 'node:util';
import { runDemo } from './demo';
import { DEFAULT_REDIS_URL, RedisUnavailableError } from './redis';
import { DEFAULT_PORTS } from './services';

const HELP = `Usage: npm run demo [-- --keep | --once] [--pseudo] [--verbose]

Starts Redis (REDIS_URL, default ${DEFAULT_REDIS_URL}; a throwaway redis-server when nothing answers), the
Notion emulator with the demo manual, the OpenAI emulator, the git server, the BUILT API and worker
(\`npx nx run-many -t build -p api worker\`); publishes the manual into ko and ja through the REST API,
follows the job over SSE, prints the pushed Docusaurus tree, the commits and curl commands, then stops
everything it started. Ports tried first: API ${DEFAULT_PORTS.api}, Notion ${DEFAULT_PORTS.notion}, OpenAI ${DEFAULT_PORTS.openai}, git ${DEFAULT_PORTS.git} (free ones when taken).

  --once     publish once and stop (the default; for scripts)
  --keep     keep everything running after the publish, until Ctrl-C
  --pseudo   translate with the offline pseudo provider instead of the OpenAI emulator
  --verbose  also print the API's and the worker's own log lines
  --help     show this text`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      once: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      pseudo: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.once && values.keep) {
    console.error('--once and --keep exclude each other.');
    return 2;
  }
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (abort.signal.aborted) return;
    process.stdout.write('\n');
    console.log(`${signal}: stopping everything the demo started…`);
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const tty = process.stdout.isTTY === true;
  try {
    await runDemo({
      out: {
        line: (text) => console.log(text),
        write: tty ? (text) => process.stdout.write(text) : undefined,
        columns: process.stdout.columns,
      },
      redisUrl: process.env.REDIS_URL || DEFAULT_REDIS_URL,
      path: process.env.PATH ?? '',
      home: process.env.HOME ?? '/tmp',
      translator: values.pseudo ? 'pseudo' : 'openai',
      keep: values.keep,
      verbose: values.verbose,
      signal: abort.signal,
    });
    return abort.signal.aborted && !values.keep ? 130 : 0;
  } catch (error) {
    if (error instanceof RedisUnavailableError) {
      console.error(error.message);
      return 1;
    }
    if (abort.signal.aborted) {
      console.error('Interrupted: everything the demo started is stopped.');
      return 130;
    }
    console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Everything the demo started is stopped. `npm run demo -- --verbose` shows the API\'s and the worker\'s own lines.');
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
