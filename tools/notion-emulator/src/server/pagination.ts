import { validationError } from './notion-error';

export interface Page<T> {
  results: T[];
  next_cursor: string | null;
  has_more: boolean;
}

/**
 * Reads `page_size` as Notion does: 1..100, default 100. In a JSON body (`source: 'body'`) it must be a
 * number; in a query string it is the text of one.
 */
export function pageSize(raw: unknown, source: 'body' | 'query' = 'query'): number {
  if (raw === undefined || raw === null || (source === 'query' && raw === '')) return 100;
  const shown = JSON.stringify(raw) ?? String(raw);
  if (source === 'body' && typeof raw !== 'number') {
    throw validationError(`body failed validation: body.page_size should be a number or \`undefined\`, instead was \`${shown}\`.`);
  }
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 100) {
    throw validationError(
      `${source} failed validation: ${source}.page_size should be an integer between 1 and 100, instead was \`${shown}\`.`,
    );
  }
  return size;
}

/** Cursor pagination over an ordered id list; the cursor is the id of the first item of the next page. */
export function paginate<T>(
  ids: readonly string[],
  cursor: unknown,
  size: number,
  load: (id: string) => T,
): Page<T> {
  let start = 0;
  if (cursor !== undefined && cursor !== null && cursor !== '') {
    start = ids.indexOf(String(cursor));
    if (start < 0) throw validationError(`start_cursor provided is invalid: ${String(cursor)}`);
  }
  const slice = ids.slice(start, start + size);
  const hasMore = start + size < ids.length;
  return { results: slice.map(load), next_cursor: hasMore ? ids[start + size] : null, has_more: hasMore };
}
