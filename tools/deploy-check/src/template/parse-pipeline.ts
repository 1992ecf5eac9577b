import type { Command, Operand, Pipeline } from './template.types';

type Token =
  | { t: 'string'; value: string }
  | { t: 'number'; value: number }
  | { t: 'field'; path: string[] }
  | { t: 'variable'; name: string; path: string[] }
  | { t: 'identifier'; name: string }
  | { t: 'punct'; value: '|' | '(' | ')' | ':=' | '=' | ',' };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

function readString(source: string, start: number): [string, number] {
  if (source[start] === '`') {
    const end = source.indexOf('`', start + 1);
    if (end === -1) throw new Error('unterminated raw string');
    return [source.slice(start + 1, end), end + 1];
  }
  let i = start + 1;
  while (i < source.length && source[i] !== '"') i += source[i] === '\\' ? 2 : 1;
  if (i >= source.length) throw new Error('unterminated string');
  return [JSON.parse(source.slice(start, i + 1)) as string, i + 1];
}

/** `.A.B` or `$x.A.B`: the names after the dots. */
function readPath(source: string, start: number): [string[], number] {
  const path: string[] = [];
  let i = start;
  while (source[i] === '.') {
    const name = NAME.exec(source.slice(i + 1));
    if (!name) break;
    path.push(name[0]);
    i += 1 + name[0].length;
  }
  return [path, i];
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const rest = source.slice(i);
    if (/\s/.test(c)) i += 1;
    else if (c === '"' || c === '`') {
      const [value, next] = readString(source, i);
      tokens.push({ t: 'string', value });
      i = next;
    } else if (rest.startsWith(':=')) {
      tokens.push({ t: 'punct', value: ':=' });
      i += 2;
    } else if ('|(),='.includes(c)) {
      tokens.push({ t: 'punct', value: c as '|' });
      i += 1;
    } else if (c === '.') {
      const [path, next] = readPath(source, i);
      tokens.push({ t: 'field', path });
      i = next === i ? i + 1 : next;
    } else if (c === '$') {
      const name = NAME.exec(source.slice(i + 1))?.[0] ?? '';
      const [path, next] = readPath(source, i + 1 + name.length);
      tokens.push({ t: 'variable', name: `$${name}`, path });
      i = next;
    } else if (/[-0-9]/.test(c)) {
      const number = /^-?[0-9]+(\.[0-9]+)?/.exec(rest);
      if (!number) throw new Error(`unexpected "${c}"`);
      tokens.push({ t: 'number', value: Number(number[0]) });
      i += number[0].length;
    } else {
      const name = NAME.exec(rest);
      if (!name) throw new Error(`unexpected "${c}"`);
      tokens.push({ t: 'identifier', name: name[0] });
      i += name[0].length;
    }
  }
  return tokens;
}

class PipelineParser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Pipeline {
    const pipeline = this.pipeline();
    if (this.index < this.tokens.length) throw new Error('unexpected tokens after the pipeline');
    return pipeline;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private isPunct(value: string): boolean {
    const token = this.peek();
    return token?.t === 'punct' && token.value === value;
  }

  private declaration(): Pipeline['declare'] {
    const names: string[] = [];
    let i = this.index;
    for (;;) {
      const token = this.tokens[i];
      if (token?.t !== 'variable' || token.path.length) return undefined;
      names.push(token.name);
      const next = this.tokens[i + 1];
      if (next?.t === 'punct' && next.value === ',') i += 2;
      else if (next?.t === 'punct' && (next.value === ':=' || next.value === '=')) {
        this.index = i + 2;
        return { names, assign: next.value === '=' };
      } else return undefined;
    }
  }

  private pipeline(): Pipeline {
    const declare = this.declaration();
    const commands: Command[] = [this.command()];
    while (this.isPunct('|')) {
      this.index += 1;
      commands.push(this.command());
    }
    return declare ? { commands, declare } : { commands };
  }

  private command(): Command {
    const operands: Operand[] = [];
    for (let token = this.peek(); token && !(token.t === 'punct' && token.value !== '('); token = this.peek()) {
      operands.push(this.operand());
    }
    if (!operands.length) throw new Error('missing value in a command');
    return { operands };
  }

  private operand(): Operand {
    const token = this.tokens[this.index];
    this.index += 1;
    switch (token.t) {
      case 'string':
      case 'number':
        return { kind: token.t, value: token.value } as Operand;
      case 'field':
        return { kind: 'field', base: 'dot', path: token.path };
      case 'variable':
        return { kind: 'field', base: { variable: token.name }, path: token.path };
      case 'identifier':
        if (token.name === 'true' || token.name === 'false') return { kind: 'bool', value: token.name === 'true' };
        if (token.name === 'nil') return { kind: 'nil' };
        return { kind: 'identifier', name: token.name };
      case 'punct': {
        const pipeline = this.pipeline();
        if (!this.isPunct(')')) throw new Error('missing ")"');
        this.index += 1;
        return { kind: 'pipeline', pipeline };
      }
    }
  }
}

export function parsePipeline(source: string): Pipeline {
  return new PipelineParser(tokenize(source)).parse();
}
