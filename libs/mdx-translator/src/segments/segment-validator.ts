import { parse as parseYaml } from 'yaml';
import { parseMdx } from '../mdx/mdx-parser';
import type { AnyNode } from './mdast-node';
import type { PlaceholderProblem } from './placeholders';
import { checkPlaceholders, tokenize } from './placeholders';
import { renderSegment } from './segment-renderer';
import type { Segment } from './segment.types';
import { structureSignature } from './structure-signature';

/** Why a translation of one segment was refused. */
export type SegmentProblem = PlaceholderProblem | 'empty' | 'structure_changed';

/**
 * Checks one segment's translation on its own: not empty, every placeholder exactly once and nested as
 * in the source, and, once written back, the same Markdown structure (node kinds, link targets) as the
 * source segment written the same way; YAML values must read back as the translated text.
 */
export class SegmentValidator {
  private readonly references = new Map<string, string | undefined>();
  private readonly restore = (start: number, end: number): string => this.source.slice(start, end);

  constructor(private readonly source: string) {}

  check(segment: Segment, translation: string): SegmentProblem | undefined {
    if (translation.trim().length === 0) return 'empty';
    const tokens = tokenize(translation.trim());
    if (tokens.some((token) => token.kind === 'text' && /[⟦⟧]/.test(token.value))) return 'placeholder_unknown';
    const placeholders = checkPlaceholders(segment.pieces, tokens);
    if (placeholders !== undefined) return placeholders;
    const context = segment.context;
    const rendered = renderSegment(segment, translation, this.restore);
    if (context.type === 'yaml') {
      try {
        const value: unknown = parseYaml(`${context.key}: ${rendered}\n`);
        return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[context.key] === 'string' ? undefined : 'structure_changed';
      } catch {
        return 'structure_changed';
      }
    }
    if (context.type !== 'markdown') return undefined;
    const reference = this.reference(segment);
    return reference !== undefined && this.signature(segment, translation) === reference ? undefined : 'structure_changed';
  }

  private reference(segment: Segment): string | undefined {
    if (!this.references.has(segment.id)) this.references.set(segment.id, this.signature(segment, segment.text));
    return this.references.get(segment.id);
  }

  /**
   * The structure of a translation written on its own, inside the quotes its paragraph sits in (`> `
   * on every line, the first one included, so a translated line break reads as it does in the file).
   */
  private signature(segment: Segment, translation: string): string | undefined {
    const context = segment.context;
    if (context.type !== 'markdown') return undefined;
    const quotes = '> '.repeat(context.linePrefix.replace(/[^>]/g, '').length);
    const rendered = renderSegment({ ...segment, context: { ...context, linePrefix: quotes } }, translation, this.restore);
    const fragment = context.block === 'alt' ? `![${rendered}](x)` : `${quotes}${rendered}`;
    try {
      return structureSignature(parseMdx(fragment) as unknown as AnyNode);
    } catch {
      return undefined;
    }
  }
}
