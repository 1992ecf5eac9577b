/** The syntax tree of the Go text/template subset the chart uses (see ../../README.md#template-subset). */

export type Operand =
  | { kind: 'field'; base: 'dot' | { variable: string }; path: string[] }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'nil' }
  | { kind: 'identifier'; name: string }
  | { kind: 'pipeline'; pipeline: Pipeline };

/** `a b c`: a function call (when `a` is an identifier) or a single value. */
export interface Command {
  operands: Operand[];
}

export interface Pipeline {
  commands: Command[];
  /** `$x := …` declares, `$x = …` assigns. */
  declare?: { names: string[]; assign: boolean };
}

export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipeline: Pipeline; line: number }
  | { kind: 'if'; branches: { condition: Pipeline; body: Node[] }[]; otherwise: Node[]; line: number }
  | { kind: 'range'; pipeline: Pipeline; body: Node[]; otherwise: Node[]; line: number }
  | { kind: 'with'; pipeline: Pipeline; body: Node[]; otherwise: Node[]; line: number };

export class TemplateError extends Error {
  constructor(
    readonly template: string,
    readonly line: number,
    message: string,
  ) {
    super(`${template}:${line}: ${message}`);
    this.name = 'TemplateError';
  }
}
