export interface Instruction {
  keyword: string;
  /** The text after the keyword, continuation lines joined. */
  args: string;
  line: number;
}

export interface Stage {
  name: string;
  base: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** `ARG`s before the first FROM, with their defaults. */
  globalArgs: Map<string, string>;
  stages: Stage[];
}

/** Reads a Dockerfile into stages of instructions (no variable expansion beyond what the checks do). */
export function parseDockerfile(source: string): Dockerfile {
  const instructions: Instruction[] = [];
  let pending: Instruction | null = null;
  source.split('\n').forEach((raw, index) => {
    const text = raw.trim();
    if (!pending && (text === '' || text.startsWith('#'))) return;
    if (pending && text.startsWith('#')) return;
    const continued = text.endsWith('\\');
    const body = continued ? text.slice(0, -1).trim() : text;
    if (pending) pending.args = `${pending.args} ${body}`.trim();
    else {
      const [keyword] = body.split(/\s+/, 1);
      pending = { keyword: keyword.toUpperCase(), args: body.slice(keyword.length).trim(), line: index + 1 };
    }
    if (!continued) {
      instructions.push(pending);
      pending = null;
    }
  });
  const dockerfile: Dockerfile = { globalArgs: new Map(), stages: [] };
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [base, as, name] = instruction.args.split(/\s+/);
      dockerfile.stages.push({ base, name: as?.toUpperCase() === 'AS' ? name : String(dockerfile.stages.length), instructions: [] });
    } else if (!dockerfile.stages.length && instruction.keyword === 'ARG') {
      const [name, value = ''] = instruction.args.split('=');
      dockerfile.globalArgs.set(name, value);
    } else dockerfile.stages[dockerfile.stages.length - 1]?.instructions.push(instruction);
  }
  return dockerfile;
}

/** `COPY [--from=x] [--chown=…] a b dest` → flags and paths. */
export function copyArgs(args: string): { from?: string; sources: string[]; destination: string } {
  const words = args.split(/\s+/);
  const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
  const paths = words.filter((word) => !word.startsWith('--'));
  return { from, sources: paths.slice(0, -1), destination: paths[paths.length - 1] };
}
