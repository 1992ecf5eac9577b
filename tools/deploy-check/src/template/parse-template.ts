import { lexTemplate, type Piece } from './lex-template';
import { parsePipeline } from './parse-pipeline';
import { type Node, type Pipeline, TemplateError } from './template.types';

export interface ParsedTemplate {
  nodes: Node[];
  /** `{{ define "name" }}…{{ end }}` blocks found in the file. */
  defines: Map<string, Node[]>;
}

type Block = 'if' | 'range' | 'with' | 'define';
type Stop = { keyword: 'end' } | { keyword: 'else'; condition?: Pipeline };

class TemplateParser {
  private index = 0;
  readonly defines = new Map<string, Node[]>();

  constructor(
    private readonly pieces: Piece[],
    private readonly name: string,
  ) {}

  fail(line: number, message: string): never {
    throw new TemplateError(this.name, line, message);
  }

  pipeline(source: string, line: number): Pipeline {
    try {
      return parsePipeline(source);
    } catch (error) {
      return this.fail(line, `${(error as Error).message} in "{{ ${source} }}"`);
    }
  }

  /** Nodes up to an `end`/`else` (returned as the stop) or the end of the file (`null`). */
  list(inside: Block | null, openLine = 0): { nodes: Node[]; stop: Stop | null } {
    const nodes: Node[] = [];
    while (this.index < this.pieces.length) {
      const piece = this.pieces[this.index];
      this.index += 1;
      if (piece.kind === 'text') {
        nodes.push({ kind: 'text', text: piece.text });
        continue;
      }
      const { source, line } = piece;
      const [keyword] = source.split(/\s+/, 1);
      const rest = source.slice(keyword.length).trim();
      if (keyword === 'end' || keyword === 'else') {
        if (!inside) this.fail(line, `unexpected {{ ${keyword} }}`);
        if (keyword === 'end') return { nodes, stop: { keyword } };
        if (inside === 'define') this.fail(line, 'else inside define');
        if (rest.startsWith('if ') && inside === 'if') {
          return { nodes, stop: { keyword, condition: this.pipeline(rest.slice(3), line) } };
        }
        if (rest) this.fail(line, `unsupported "else ${rest}"`);
        return { nodes, stop: { keyword } };
      }
      if (keyword === 'if') nodes.push(this.ifNode(rest, line));
      else if (keyword === 'range' || keyword === 'with') nodes.push(this.scoped(keyword, rest, line));
      else if (keyword === 'define') this.define(rest, line);
      else if (['template', 'block', 'break', 'continue'].includes(keyword)) {
        this.fail(line, `"${keyword}" is outside the supported subset (use include)`);
      } else nodes.push({ kind: 'action', pipeline: this.pipeline(source, line), line });
    }
    if (inside) this.fail(openLine, `missing {{ end }} of the ${inside} opened here`);
    return { nodes, stop: null };
  }

  private ifNode(source: string, line: number): Node {
    const branches = [{ condition: this.pipeline(source, line), body: [] as Node[] }];
    for (;;) {
      const { nodes, stop } = this.list('if', line);
      branches[branches.length - 1].body = nodes;
      if (stop?.keyword === 'else' && stop.condition) branches.push({ condition: stop.condition, body: [] });
      else if (stop?.keyword === 'else') {
        const otherwise = this.list('if', line);
        if (otherwise.stop?.keyword !== 'end') this.fail(line, 'a second else in an if');
        return { kind: 'if', branches, otherwise: otherwise.nodes, line };
      } else return { kind: 'if', branches, otherwise: [], line };
    }
  }

  private scoped(keyword: 'range' | 'with', source: string, line: number): Node {
    const pipeline = this.pipeline(source, line);
    const { nodes, stop } = this.list(keyword, line);
    let otherwise: Node[] = [];
    if (stop?.keyword === 'else') {
      const rest = this.list(keyword, line);
      if (rest.stop?.keyword !== 'end') this.fail(line, `a second else in a ${keyword}`);
      otherwise = rest.nodes;
    }
    return { kind: keyword, pipeline, body: nodes, otherwise, line };
  }

  private define(source: string, line: number): void {
    const name = /^"([^"]+)"$/.exec(source)?.[1];
    if (!name) this.fail(line, 'define needs a quoted name');
    const { nodes } = this.list('define', line);
    this.defines.set(name, nodes);
  }
}

export function parseTemplate(source: string, name: string): ParsedTemplate {
  const parser = new TemplateParser(lexTemplate(source, name), name);
  const { nodes } = parser.list(null);
  return { nodes, defines: parser.defines };
}
