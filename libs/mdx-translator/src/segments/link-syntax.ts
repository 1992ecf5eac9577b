/**
 * Finds the parts of `[label](destination "title")` / `![alt](…)` in source text, which mdast gives only
 * decoded: the raw label and the raw title ranges, so they can be replaced by offsets.
 */

/** Index just past the `]` that closes the label opened at `open` (`[`), or -1. */
export function labelEnd(text: string, open: number): number {
  let depth = 0;
  for (let index = open + 1; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (char === '[') depth += 1;
    else if (char === ']') {
      if (depth === 0) return index + 1;
      depth -= 1;
    }
  }
  return -1;
}

/**
 * The range of the title inside a resource `(destination "title")` that starts at `open` (`(`), with
 * its delimiter; undefined when there is no title or the syntax is not what was expected.
 */
export function resourceTitle(text: string, open: number): { start: number; end: number; delimiter: '"' | "'" | ')' } | undefined {
  if (text[open] !== '(') return undefined;
  let index = open + 1;
  const skipSpace = () => {
    while (index < text.length && /\s/.test(text[index])) index += 1;
  };
  skipSpace();
  if (text[index] === '<') {
    while (index < text.length && text[index] !== '>') index += text[index] === '\\' ? 2 : 1;
    index += 1;
  } else {
    let depth = 0;
    while (index < text.length && !/\s/.test(text[index])) {
      const char = text[index];
      if (char === '\\') index += 1;
      else if (char === '(') depth += 1;
      else if (char === ')') {
        if (depth === 0) break;
        depth -= 1;
      }
      index += 1;
    }
  }
  skipSpace();
  const opener = text[index];
  if (opener !== '"' && opener !== "'" && opener !== '(') return undefined;
  const delimiter = opener === '(' ? ')' : opener;
  const start = index + 1;
  for (index = start; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === delimiter) return { start, end: index, delimiter };
  }
  return undefined;
}
