/**
 * Runs the emulator until SIGINT/SIGTERM:
 *   npx tsx tools/openai-emulator/src/cli.ts --port 4010 --api-key sk-x
 * Options fall back to OPENAI_EMULATOR_PORT, OPENAI_EMULATOR_HOST and OPENAI_EMULATOR_API_KEY.
 */
import { parseCliOptions, USAGE } from './cli-options';
import type { OpenAIEmulatorOptions } from './options';
import { startOpenAIEmulator } from './server';

async function main(): Promise<void> {
  let options: OpenAIEmulatorOptions | undefined;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (options === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const emulator = await startOpenAIEmulator(options);
  process.stdout.write(
    `OpenAI emulator listening on ${emulator.url}\n` +
      `  baseURL ${emulator.baseURL}  api key ${emulator.apiKey}  models ${emulator.models.join(', ')}\n` +
      `  stats ${emulator.url}/__stats\n`,
  );
  const shutdown = (signal: NodeJS.Signals) => {
    process.stdout.write(`${signal} received, stopping\n`);
    emulator.stop().then(
      () => process.stdout.write('OpenAI emulator stopped\n'),
      (error: unknown) => {
        process.stderr.write(`stop failed: ${String(error)}\n`);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`OpenAI emulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
