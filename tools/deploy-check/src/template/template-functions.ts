import { createHash } from 'node:crypto';
import { stringify } from 'yaml';

/** A value a template handles: what YAML values parse to. */
export type Value = unknown;

/** Go's truth: false, 0, nil, "" and empty lists and maps are false. */
export function truthy(value: Value): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** How `{{ x }}` prints a value (Helm prints nil as nothing). */
export function printValue(value: Value): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const goQuote = (value: Value): string => JSON.stringify(printValue(value));

function toNumber(value: Value, name: string): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || Number.isNaN(number)) throw new Error(`${name}: not a number: ${printValue(value)}`);
  return number;
}

function indent(spaces: Value, text: Value): string {
  const pad = ' '.repeat(toNumber(spaces, 'indent'));
  return printValue(text)
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

function printf(format: Value, ...args: Value[]): string {
  let next = 0;
  return printValue(format).replace(/%([%sdvq])/g, (_, verb: string) => {
    if (verb === '%') return '%';
    const arg = args[next];
    next += 1;
    if (verb === 'd') return String(Math.trunc(toNumber(arg, 'printf %d')));
    return verb === 'q' ? goQuote(arg) : printValue(arg);
  });
}

function compare(name: string, test: (a: number | string, b: number | string) => boolean) {
  return (a: Value, b: Value): boolean => {
    if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) {
      throw new Error(`${name}: cannot compare ${printValue(a)} with ${printValue(b)}`);
    }
    return test(a, b as number | string);
  };
}

/**
 * The functions the chart may call: Go's built-ins and the few Sprig/Helm ones it uses. `include` is added by
 * the renderer. Arguments come in call order; a piped value is the last one.
 */
export const TEMPLATE_FUNCTIONS: Record<string, (...args: Value[]) => Value> = {
  and: (...args) => args.find((arg) => !truthy(arg)) ?? args[args.length - 1],
  or: (...args) => args.find((arg) => truthy(arg)) ?? args[args.length - 1],
  not: (value) => !truthy(value),
  eq: (a, ...others) => others.some((other) => a === other),
  ne: (a, b) => a !== b,
  lt: compare('lt', (a, b) => a < b),
  le: compare('le', (a, b) => a <= b),
  gt: compare('gt', (a, b) => a > b),
  ge: compare('ge', (a, b) => a >= b),
  int: (value) => Math.trunc(toNumber(value, 'int')),
  add: (a, b) => toNumber(a, 'add') + toNumber(b, 'add'),
  mul: (a, b) => toNumber(a, 'mul') * toNumber(b, 'mul'),
  div: (a, b) => Math.trunc(toNumber(a, 'div') / toNumber(b, 'div')),
  default: (fallback, ...given) => (given.length && truthy(given[0]) ? given[0] : fallback),
  empty: (value) => !truthy(value),
  hasKey: (map, key) => typeof map === 'object' && map !== null && Object.hasOwn(map, printValue(key)),
  quote: (...args) => args.filter((arg) => arg !== null && arg !== undefined).map(goQuote).join(' '),
  toString: (value: Value) => printValue(value),
  printf,
  print: (...args) => args.map(printValue).join(''),
  trunc: (length, text) => printValue(text).slice(0, toNumber(length, 'trunc')),
  trimSuffix: (suffix, text) => {
    const s = printValue(text);
    const end = printValue(suffix);
    return end && s.endsWith(end) ? s.slice(0, -end.length) : s;
  },
  lower: (text) => printValue(text).toLowerCase(),
  upper: (text) => printValue(text).toUpperCase(),
  replace: (from, to, text) => printValue(text).split(printValue(from)).join(printValue(to)),
  b64enc: (text) => Buffer.from(printValue(text), 'utf8').toString('base64'),
  sha256sum: (text) => createHash('sha256').update(printValue(text)).digest('hex'),
  toYaml: (value) => (value === null || value === undefined ? 'null' : stringify(value).replace(/\n$/, '')),
  indent,
  nindent: (spaces, text) => `\n${indent(spaces, text)}`,
  dict: (...pairs) => {
    const map: Record<string, Value> = {};
    for (let i = 0; i + 1 < pairs.length; i += 2) map[printValue(pairs[i])] = pairs[i + 1];
    return map;
  },
  required: (message: Value, value: Value) => {
    if (value === null || value === undefined || value === '') throw new Error(printValue(message));
    return value;
  },
  fail: (message) => {
    throw new Error(printValue(message));
  },
};
