/**
 * Runs the benchmarks one after another, each in its own Node process (so one's memory does not skew the
 * next's), and prints every section's table; all of them also land in bench-results.json.
 *
 *   npm run bench                      # every benchmark with its defaults
 *   npm run bench -- export --pages 50 # one benchmark, its own flags after its name
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const BENCHMARKS = {
  export: 'export.bench.ts',
  translate: 'translate.bench.ts',
  events: 'events.bench.ts',
} as const;

type BenchName = keyof typeof BENCHMARKS;
const isBenchName = (value: string | undefined): value is BenchName => value !== undefined && value in BENCHMARKS;

function run(name: BenchName, args: string[]): number {
  const tsconfig = path.join(__dirname, '..', 'tsconfig.json');
  const script = path.join(__dirname, BENCHMARKS[name]);
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig },
  });
  return result.status ?? 1;
}

function main(): void {
  const [first, ...rest] = process.argv.slice(2);
  if (first !== undefined && !isBenchName(first)) {
    console.error(`Unknown benchmark "${first}". Choose one of: ${Object.keys(BENCHMARKS).join(', ')}.`);
    process.exit(2);
  }
  const selected: BenchName[] = first === undefined ? (Object.keys(BENCHMARKS) as BenchName[]) : [first];
  const failed = selected.filter((name) => run(name, first === undefined ? [] : rest) !== 0);
  if (failed.length > 0) {
    console.error(`\nFailed: ${failed.join(', ')}`);
    process.exit(1);
  }
}

main();
