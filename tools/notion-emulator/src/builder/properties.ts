import type { DataSourceObjectResponse, PageObjectResponse } from '@notionhq/client';
import { createHash } from 'node:crypto';
import { richText, text } from './rich-text';
import type { Inline } from './rich-text';

type SelectColor = 'default' | 'gray' | 'brown' | 'orange' | 'yellow' | 'green' | 'blue' | 'purple' | 'pink' | 'red';
export interface OptionSpec {
  name: string;
  color: SelectColor;
}

/** A data source column, written with `prop.*`. */
export type PropertySchema =
  | { name: string; type: 'title' | 'rich_text' | 'date' | 'checkbox' | 'url' | 'people' }
  | { name: string; type: 'number'; format: string }
  | { name: string; type: 'select' | 'multi_select'; options: OptionSpec[] };

/** A row's value: text for title/rich_text, option name(s) for selects, ISO date, number, boolean, URL, user ids. */
export type RowValue = Inline | number | boolean | string[] | null;

const COLORS: SelectColor[] = ['blue', 'green', 'yellow', 'orange', 'red', 'purple', 'pink', 'brown', 'gray', 'default'];
const options = (names: Array<string | OptionSpec>): OptionSpec[] =>
  names.map((o, i) => (typeof o === 'string' ? { name: o, color: COLORS[i % COLORS.length] } : o));

export const prop = {
  title: (name = 'Name'): PropertySchema => ({ name, type: 'title' }),
  richText: (name: string): PropertySchema => ({ name, type: 'rich_text' }),
  date: (name: string): PropertySchema => ({ name, type: 'date' }),
  checkbox: (name: string): PropertySchema => ({ name, type: 'checkbox' }),
  url: (name: string): PropertySchema => ({ name, type: 'url' }),
  people: (name: string): PropertySchema => ({ name, type: 'people' }),
  number: (name: string, format = 'number'): PropertySchema => ({ name, type: 'number', format }),
  select: (name: string, names: Array<string | OptionSpec>): PropertySchema => ({ name, type: 'select', options: options(names) }),
  multiSelect: (name: string, names: Array<string | OptionSpec>): PropertySchema => ({
    name,
    type: 'multi_select',
    options: options(names),
  }),
};

type PropertyConfig = DataSourceObjectResponse['properties'][string];
type PropertyValue = PageObjectResponse['properties'][string];

/** Short opaque ids like Notion's (`title` for the title property, URL-encoded 4-character ids otherwise). */
export function propertyId(dataSourceId: string, schema: PropertySchema): string {
  if (schema.type === 'title') return 'title';
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789:;<=>?@[]^`|~';
  const digest = createHash('sha256').update(`${dataSourceId}\u0000${schema.name}`).digest();
  return encodeURIComponent([...digest.subarray(0, 4)].map((b) => alphabet[b % alphabet.length]).join(''));
}

function optionId(dataSourceId: string, property: string, option: string): string {
  return createHash('sha256').update(`${dataSourceId}\u0000${property}\u0000${option}`).digest('hex').slice(0, 8);
}

/** The data source's `properties` entry for a column. */
export function propertyConfig(dataSourceId: string, schema: PropertySchema): PropertyConfig {
  const common = { id: propertyId(dataSourceId, schema), name: schema.name, description: null };
  switch (schema.type) {
    case 'number':
      return { ...common, type: 'number', number: { format: schema.format } };
    case 'select':
    case 'multi_select': {
      const opts = schema.options.map((o) => ({ id: optionId(dataSourceId, schema.name, o.name), name: o.name, color: o.color, description: null }));
      return schema.type === 'select'
        ? { ...common, type: 'select', select: { options: opts } }
        : { ...common, type: 'multi_select', multi_select: { options: opts } };
    }
    case 'title':
      return { ...common, type: 'title', title: {} };
    case 'rich_text':
      return { ...common, type: 'rich_text', rich_text: {} };
    case 'date':
      return { ...common, type: 'date', date: {} };
    case 'checkbox':
      return { ...common, type: 'checkbox', checkbox: {} };
    case 'url':
      return { ...common, type: 'url', url: {} };
    case 'people':
      return { ...common, type: 'people', people: {} };
  }
}

/** A row page's property value for a column (an empty value when the row has none). */
export function propertyValue(dataSourceId: string, schema: PropertySchema, value: RowValue | undefined): PropertyValue {
  const id = propertyId(dataSourceId, schema);
  const fail = (): never => {
    throw new Error(`Property "${schema.name}" (${schema.type}) cannot hold ${JSON.stringify(value)}.`);
  };
  const option = (name: string) => {
    if (schema.type !== 'select' && schema.type !== 'multi_select') return fail();
    const found = schema.options.find((o) => o.name === name) ?? fail();
    return { id: optionId(dataSourceId, schema.name, name), name, color: found.color };
  };
  const isText = (v: unknown): v is Inline => typeof v === 'string' || Array.isArray(v) || (typeof v === 'object' && v !== null);
  switch (schema.type) {
    case 'title':
      return { id, type: 'title', title: value == null ? [] : isText(value) ? richText(value) : fail() };
    case 'rich_text':
      return { id, type: 'rich_text', rich_text: value == null ? [] : isText(value) ? richText(value) : fail() };
    case 'number':
      return { id, type: 'number', number: value == null ? null : typeof value === 'number' ? value : fail() };
    case 'checkbox':
      return { id, type: 'checkbox', checkbox: value == null ? false : typeof value === 'boolean' ? value : fail() };
    case 'url':
      return { id, type: 'url', url: value == null ? null : typeof value === 'string' ? value : fail() };
    case 'date':
      return { id, type: 'date', date: value == null ? null : typeof value === 'string' ? { start: value, end: null, time_zone: null } : fail() };
    case 'select':
      return { id, type: 'select', select: value == null ? null : typeof value === 'string' ? option(value) : fail() };
    case 'multi_select':
      return { id, type: 'multi_select', multi_select: value == null ? [] : stringList(value, fail).map(option) };
    case 'people':
      return { id, type: 'people', people: value == null ? [] : stringList(value, fail).map((u) => ({ object: 'user' as const, id: u })) };
  }
}

function stringList(value: RowValue, fail: () => never): string[] {
  const isList = (v: RowValue): v is string[] => Array.isArray(v) && v.every((item) => typeof item === 'string');
  return isList(value) ? value : fail();
}

/** The title as plain text, as a page's `title` property holds it. */
export function titleProperty(title: string): PageObjectResponse['properties'][string] {
  return { id: 'title', type: 'title', title: [text(title)] };
}
