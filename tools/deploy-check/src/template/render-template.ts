import { parseTemplate } from './parse-template';
import { printValue, TEMPLATE_FUNCTIONS, truthy, type Value } from './template-functions';
import { type Node, type Operand, type Pipeline, TemplateError } from './template.types';

/** Variables of one block; `:=` declares in the innermost, `=` assigns where the variable lives (Go's rules). */
class Scope {
  private readonly vars = new Map<string, Value>();
  constructor(private readonly parent?: Scope) {}
  has(name: string): boolean {
    return this.vars.has(name) || (this.parent?.has(name) ?? false);
  }
  get(name: string): Value {
    return this.vars.has(name) ? this.vars.get(name) : this.parent?.get(name);
  }
  declare(name: string, value: Value): this {
    this.vars.set(name, value);
    return this;
  }
  assign(name: string, value: Value): void {
    if (this.vars.has(name)) this.vars.set(name, value);
    else if (this.parent) this.parent.assign(name, value);
    else throw new Error(`undefined variable ${name}`);
  }
  child(): Scope {
    return new Scope(this);
  }
}

interface Frame {
  template: string;
  dot: Value;
  variables: Scope;
}

/** Holds the named templates (`define` blocks and every file by its name) and renders them. */
export class TemplateSet {
  private readonly templates = new Map<string, { nodes: Node[]; file: string }>();
  private depth = 0;

  /** Adds a file: its `define`s become named templates, and so does the file itself under `name`. */
  add(name: string, source: string): void {
    const { nodes, defines } = parseTemplate(source, name);
    this.templates.set(name, { nodes, file: name });
    for (const [defined, body] of defines) this.templates.set(defined, { nodes: body, file: name });
  }

  render(name: string, dot: Value): string {
    const template = this.templates.get(name);
    if (!template) throw new Error(`no template named "${name}"`);
    this.depth += 1;
    try {
      if (this.depth > 100) throw new Error(`include nested too deeply at "${name}"`);
      return this.nodes(template.nodes, { template: template.file, dot, variables: new Scope().declare('$', dot) });
    } finally {
      this.depth -= 1;
    }
  }

  private nodes(nodes: Node[], frame: Frame): string {
    let out = '';
    for (const node of nodes) out += this.node(node, frame);
    return out;
  }

  private node(node: Node, frame: Frame): string {
    if (node.kind === 'text') return node.text;
    try {
      return this.evaluateNode(node, frame);
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      throw new TemplateError(frame.template, node.line, (error as Error).message);
    }
  }

  private evaluateNode(node: Exclude<Node, { kind: 'text' }>, frame: Frame): string {
    const inner = (dot: Value): Frame => ({ ...frame, dot, variables: frame.variables.child() });
    switch (node.kind) {
      case 'action': {
        const value = this.pipeline(node.pipeline, frame);
        return node.pipeline.declare ? '' : printValue(value);
      }
      case 'if': {
        for (const branch of node.branches) {
          const scope = inner(frame.dot);
          if (truthy(this.pipeline(branch.condition, scope))) return this.nodes(branch.body, scope);
        }
        return this.nodes(node.otherwise, inner(frame.dot));
      }
      case 'with': {
        const scope = inner(frame.dot);
        const value = this.pipeline({ commands: node.pipeline.commands }, scope);
        return truthy(value) ? this.nodes(node.body, inner(value)) : this.nodes(node.otherwise, scope);
      }
      case 'range':
        return this.range(node, frame);
    }
  }

  private range(node: Extract<Node, { kind: 'range' }>, frame: Frame): string {
    const value = this.pipeline({ commands: node.pipeline.commands }, frame);
    let entries: [Value, Value][];
    if (Array.isArray(value)) entries = value.map((item, index) => [index, item]);
    else if (value && typeof value === 'object') {
      entries = Object.keys(value)
        .sort()
        .map((key) => [key, (value as Record<string, Value>)[key]]);
    } else if (value === null || value === undefined) entries = [];
    else throw new Error(`range can't iterate over ${printValue(value)}`);
    if (!entries.length) return this.nodes(node.otherwise, frame);
    const names = node.pipeline.declare?.names ?? [];
    return entries
      .map(([key, item]) => {
        const variables = frame.variables.child();
        if (names.length === 1) variables.declare(names[0], item);
        if (names.length === 2) variables.declare(names[0], key).declare(names[1], item);
        return this.nodes(node.body, { ...frame, dot: item, variables });
      })
      .join('');
  }

  private pipeline(pipeline: Pipeline, frame: Frame): Value {
    let value: Value = undefined;
    pipeline.commands.forEach((command, index) => {
      const [head, ...rest] = command.operands;
      const piped = index > 0 ? [value] : [];
      if (head.kind === 'identifier') {
        value = this.call(head.name, [...rest.map((arg) => this.operand(arg, frame)), ...piped]);
      } else if (rest.length || piped.length) {
        throw new Error('only a function can take arguments');
      } else value = this.operand(head, frame);
    });
    if (pipeline.declare) {
      const [name] = pipeline.declare.names;
      if (pipeline.declare.assign) frame.variables.assign(name, value);
      else frame.variables.declare(name, value);
    }
    return value;
  }

  private call(name: string, args: Value[]): Value {
    if (name === 'include') return this.render(printValue(args[0]), args[1]);
    const fn = TEMPLATE_FUNCTIONS[name];
    if (!fn) throw new Error(`function "${name}" is not in the supported subset`);
    return fn(...args);
  }

  private operand(operand: Operand, frame: Frame): Value {
    switch (operand.kind) {
      case 'string':
      case 'number':
      case 'bool':
        return operand.value;
      case 'nil':
        return null;
      case 'identifier':
        return this.call(operand.name, []);
      case 'pipeline':
        return this.pipeline(operand.pipeline, frame);
      case 'field': {
        let value: Value;
        if (operand.base === 'dot') value = frame.dot;
        else if (!frame.variables.has(operand.base.variable)) {
          throw new Error(`undefined variable ${operand.base.variable}`);
        } else value = frame.variables.get(operand.base.variable);
        for (const key of operand.path) {
          if (value === null || value === undefined) throw new Error(`nil pointer evaluating .${key}`);
          if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`can't evaluate field ${key}`);
          value = (value as Record<string, Value>)[key];
        }
        return value;
      }
    }
  }
}
