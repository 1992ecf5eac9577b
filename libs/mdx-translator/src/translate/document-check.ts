import { parseMdx } from '../mdx/mdx-parser';
import type { AnyNode } from '../segments/mdast-node';
import { assembleDocument } from '../segments/replacements';
import type { Replacement, Segment } from '../segments/segment.types';
import { structureSignature } from '../segments/structure-signature';

/** An extra check of a whole translated file (e.g. `@mdx-js/mdx` `compile`); throw to refuse it. */
export type VerifyDocument = (mdx: string) => void | Promise<void>;

function documentSignature(mdx: string): string | undefined {
  try {
    return structureSignature(parseMdx(mdx) as unknown as AnyNode);
  } catch {
    return undefined;
  }
}

export interface CheckedDocument {
  mdx: string;
  /** Accepted translations that had to be dropped to keep the document valid. */
  dropped: string[];
  /** The heading-id insertions actually written. */
  insertions: readonly Replacement[];
}

/**
 * Splices the accepted translations into the source and checks the whole file: it must parse to the
 * same structure (node kinds, targets, code) as the source with only the heading ids added, and pass
 * `verify`. If it does not, translations are added back one at a time in document order and each one
 * that breaks the file is dropped, so the result always passes.
 */
export async function assembleChecked(
  source: string,
  segments: readonly Segment[],
  accepted: ReadonlyMap<string, string>,
  headingIds: readonly Replacement[],
  verify: VerifyDocument | undefined,
): Promise<CheckedDocument> {
  let insertions = headingIds;
  let expected = documentSignature(assembleDocument(source, segments, new Map(), insertions));
  if (expected === undefined && insertions.length > 0) {
    insertions = [];
    expected = documentSignature(source);
  }
  const passes = async (mdx: string): Promise<boolean> => {
    if (documentSignature(mdx) !== expected) return false;
    try {
      await verify?.(mdx);
      return true;
    } catch {
      return false;
    }
  };
  const whole = assembleDocument(source, segments, accepted, insertions);
  if (await passes(whole)) return { mdx: whole, dropped: [], insertions };

  const kept = new Map<string, string>();
  const dropped: string[] = [];
  for (const segment of segments) {
    const translation = accepted.get(segment.id);
    if (translation === undefined) continue;
    kept.set(segment.id, translation);
    if (!(await passes(assembleDocument(source, segments, kept, insertions)))) {
      kept.delete(segment.id);
      dropped.push(segment.id);
    }
  }
  return { mdx: assembleDocument(source, segments, kept, insertions), dropped, insertions };
}
