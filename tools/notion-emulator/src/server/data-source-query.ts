import type { PageObjectResponse } from '@notionhq/client';
import { validationError } from './notion-error';

type TimestampName = 'last_edited_time' | 'created_time';
type Comparison = 'after' | 'on_or_after' | 'before' | 'on_or_before' | 'equals';

/**
 * The part of a data source query the emulator understands: timestamp filters and timestamp sorts
 * (what an incremental exporter needs). Anything else is refused with a validation error rather than
 * silently ignored, so a test never passes on a filter that did nothing.
 */
export function applyQuery(rows: PageObjectResponse[], body: Record<string, unknown>): PageObjectResponse[] {
  let result = rows;
  if (body.filter !== undefined) result = result.filter(timestampFilter(body.filter));
  if (body.sorts !== undefined) result = sortRows(result, body.sorts);
  return result;
}

function timestampFilter(filter: unknown): (row: PageObjectResponse) => boolean {
  const f = filter as Record<string, unknown>;
  const name = f?.timestamp;
  if (name !== 'last_edited_time' && name !== 'created_time') {
    throw validationError('The Notion emulator supports only timestamp filters on last_edited_time or created_time.');
  }
  const condition = (f[name] ?? {}) as Partial<Record<Comparison, string>>;
  const [op, value] = Object.entries(condition)[0] ?? [];
  const at = Date.parse(String(value));
  if (!op || Number.isNaN(at)) throw validationError(`body failed validation: filter.${name} needs a comparison with an ISO date.`);
  const compare: Record<Comparison, (t: number) => boolean> = {
    after: (t) => t > at,
    on_or_after: (t) => t >= at,
    before: (t) => t < at,
    on_or_before: (t) => t <= at,
    equals: (t) => t === at,
  };
  const test = compare[op as Comparison];
  if (!test) throw validationError(`body failed validation: unsupported comparison ${op}.`);
  return (row) => test(Date.parse(row[name as TimestampName]));
}

function sortRows(rows: PageObjectResponse[], sorts: unknown): PageObjectResponse[] {
  if (!Array.isArray(sorts)) throw validationError('body failed validation: sorts should be an array.');
  const keys = sorts.map((s: Record<string, unknown>) => {
    if (s?.timestamp !== 'last_edited_time' && s?.timestamp !== 'created_time') {
      throw validationError('The Notion emulator supports only timestamp sorts on last_edited_time or created_time.');
    }
    return { name: s.timestamp as TimestampName, sign: s.direction === 'descending' ? -1 : 1 };
  });
  return [...rows].sort((a, b) => {
    for (const { name, sign } of keys) {
      const d = Date.parse(a[name]) - Date.parse(b[name]);
      if (d !== 0) return d * sign;
    }
    return 0;
  });
}
