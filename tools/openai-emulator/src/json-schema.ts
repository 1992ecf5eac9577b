import type { ApiError } from './errors';
import { invalidRequest } from './errors';

/**
 * The little of JSON Schema the emulator needs: OpenAI's minimal checks of a strict `json_schema`
 * response format, the answer shapes it can follow, and a validator for its own answers.
 */

type Schema = Record<string, unknown>;

function isRecord(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(schema: Schema): string[] {
  const type = schema.type;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((item): item is string => typeof item === 'string');
  return [];
}

function schemaError(name: string, detail: string): ApiError {
  return invalidRequest(`Invalid schema for response_format '${name}': ${detail}`, 'response_format');
}

function contextOf(path: readonly string[]): string {
  return `context=(${path.map((part) => `'${part}'`).join(', ')}${path.length === 1 ? ',' : ''})`;
}

/**
 * Refuses (400, param `response_format`) a strict schema OpenAI would refuse, for the common mistakes:
 * no schema, a root that is not `type: "object"`, an object without `additionalProperties: false`, or
 * `required` not listing every key of `properties` (checked through `properties`, `items`, `anyOf`,
 * `$defs` and `definitions`).
 */
export function checkStrictSchema(name: string, schema: Schema | undefined): void {
  if (schema === undefined) throw schemaError(name, "a 'schema' must be provided when 'strict' is true.");
  if (!typesOf(schema).includes('object') || typesOf(schema).length !== 1) {
    throw schemaError(name, `schema must be a JSON Schema of 'type: "object"', got 'type: ${JSON.stringify(schema.type ?? null)}'.`);
  }
  checkNode(name, schema, []);
}

function checkNode(name: string, schema: Schema, path: string[]): void {
  const isObject = typesOf(schema).includes('object') || isRecord(schema.properties);
  if (isObject) {
    if (schema.additionalProperties !== false) {
      throw schemaError(name, `In ${contextOf(path)}, 'additionalProperties' is required to be supplied and to be false.`);
    }
    const properties = isRecord(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? schema.required : [];
    const missing = Object.keys(properties).find((key) => !required.includes(key));
    if (missing !== undefined) {
      throw schemaError(
        name,
        `In ${contextOf(path)}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`,
      );
    }
    for (const [key, child] of Object.entries(properties)) {
      if (isRecord(child)) checkNode(name, child, [...path, 'properties', key]);
    }
  }
  if (isRecord(schema.items)) checkNode(name, schema.items, [...path, 'items']);
  if (Array.isArray(schema.anyOf)) {
    schema.anyOf.forEach((child, index) => {
      if (isRecord(child)) checkNode(name, child, [...path, 'anyOf', String(index)]);
    });
  }
  for (const defsKey of ['$defs', 'definitions']) {
    const defs = schema[defsKey];
    if (!isRecord(defs)) continue;
    for (const [key, child] of Object.entries(defs)) {
      if (isRecord(child)) checkNode(name, child, [...path, defsKey, key]);
    }
  }
}

/** How to write the answer to a segments payload: `{[list]: [{[id]: …, [text]: …}]}`. */
export interface SegmentsShape {
  list: string;
  id: string;
  idType: 'string' | 'number';
  text: string;
}

const ID_LIKE = /^(?:id|key|index|.*[_-]id|.*[a-z]Id)$/;

/**
 * The segments shape a schema asks for, if it is one the emulator can follow: a root with exactly one
 * property, an array whose items are objects with exactly two properties, an id-like one (`id`, `key`,
 * `index`, `…_id`, `…Id`; string, number or integer) and a string one.
 */
export function segmentsShapeOf(schema: Schema | undefined): SegmentsShape | undefined {
  if (schema === undefined || !isRecord(schema.properties)) return undefined;
  const rootKeys = Object.keys(schema.properties);
  if (rootKeys.length !== 1) return undefined;
  const list = rootKeys[0];
  const array = schema.properties[list];
  if (!isRecord(array) || !typesOf(array).includes('array') || !isRecord(array.items)) return undefined;
  const properties = array.items.properties;
  if (!isRecord(properties) || Object.keys(properties).length !== 2) return undefined;
  const typeOf = (key: string) => (isRecord(properties[key]) ? typesOf(properties[key] as Schema) : []);
  const id = Object.keys(properties).find(
    (key) => ID_LIKE.test(key) && typeOf(key).some((type) => ['string', 'number', 'integer'].includes(type)),
  );
  const text = Object.keys(properties).find((key) => key !== id && typeOf(key).includes('string'));
  if (id === undefined || text === undefined) return undefined;
  return { list, id, idType: typeOf(id).includes('string') ? 'string' : 'number', text };
}

/** The one string property of a root with exactly one property (where a plain translation goes), if any. */
export function textPropertyOf(schema: Schema | undefined): string | undefined {
  if (schema === undefined || !isRecord(schema.properties)) return undefined;
  const keys = Object.keys(schema.properties);
  const only = schema.properties[keys[0]];
  return keys.length === 1 && isRecord(only) && typesOf(only).includes('string') ? keys[0] : undefined;
}

/**
 * Checks `value` against the subset of JSON Schema used by structured outputs (`type`, `properties`,
 * `required`, `additionalProperties: false`, `items`, `enum`, `anyOf`); returns the first problem, or
 * undefined when it matches. `$ref` and unknown keywords are not checked.
 */
export function schemaMismatch(value: unknown, schema: Schema, path = '$'): string | undefined {
  const types = typesOf(schema);
  if (types.length > 0 && !types.some((type) => hasType(value, type))) {
    return `${path} should be ${types.join(' or ')}`;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((item) => item === value)) return `${path} is not in its enum`;
  if (Array.isArray(schema.anyOf)) {
    const options = schema.anyOf.filter(isRecord);
    if (options.length > 0 && options.every((option) => schemaMismatch(value, option, path) !== undefined)) {
      return `${path} matches none of anyOf`;
    }
  }
  if (isRecord(value)) {
    const properties = isRecord(schema.properties) ? schema.properties : {};
    for (const key of Array.isArray(schema.required) ? schema.required : []) {
      if (typeof key === 'string' && !(key in value)) return `${path} lacks the required property '${key}'`;
    }
    for (const [key, item] of Object.entries(value)) {
      const child = properties[key];
      if (isRecord(child)) {
        const problem = schemaMismatch(item, child, `${path}.${key}`);
        if (problem !== undefined) return problem;
      } else if (schema.additionalProperties === false) {
        return `${path} has the property '${key}', which the schema does not allow`;
      }
    }
  }
  if (Array.isArray(value) && isRecord(schema.items)) {
    for (const [index, item] of value.entries()) {
      const problem = schemaMismatch(item, schema.items, `${path}[${index}]`);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      return true;
  }
}
