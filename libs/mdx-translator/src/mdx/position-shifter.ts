interface Point {
  line: number;
  column: number;
  offset?: number;
}

interface Positioned {
  position?: { start: Point; end: Point };
  children?: unknown[];
  attributes?: unknown[];
}

function shiftPoint(point: Point, by: number): void {
  if (point.offset !== undefined) point.offset += by;
  if (point.line === 1) point.column += by;
}

/**
 * Moves every position of a tree (nodes and JSX attributes) `by` characters to the right on the first
 * line, for a tree parsed from a text that had `by` characters cut from its start (a byte order mark).
 */
export function shiftOffsets(node: unknown, by: number): void {
  const positioned = node as Positioned;
  if (positioned.position !== undefined) {
    shiftPoint(positioned.position.start, by);
    shiftPoint(positioned.position.end, by);
  }
  for (const child of positioned.children ?? []) shiftOffsets(child, by);
  for (const attribute of positioned.attributes ?? []) shiftOffsets(attribute, by);
}
