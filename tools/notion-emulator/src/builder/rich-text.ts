import type { AnnotationResponse, ApiColor, RichTextItemResponse } from '@notionhq/client';
import { compactId, notionShortUrl } from './ids';

export type RichText = RichTextItemResponse;

/** What rich-text arguments accept: plain strings, items, and (nested) arrays of both. */
export type Inline = string | RichText | readonly Inline[];

export const DEFAULT_ANNOTATIONS: AnnotationResponse = Object.freeze({
  bold: false,
  italic: false,
  strikethrough: false,
  underline: false,
  code: false,
  color: 'default',
});

/** Notion stores at most 2,000 characters in one rich text item and splits longer text. */
export const MAX_TEXT_LENGTH = 2000;

/** One plain text item with default annotations and no link. */
export function text(content: string): RichText {
  return {
    type: 'text',
    text: { content, link: null },
    annotations: { ...DEFAULT_ANNOTATIONS },
    plain_text: content,
    href: null,
  };
}

/** Flattens inline arguments into API rich text (strings become plain text items, long text is split). */
export function richText(...parts: Inline[]): RichText[] {
  const out: RichText[] = [];
  const visit = (part: Inline): void => {
    if (typeof part === 'string') {
      if (part !== '') out.push(...splitLong(text(part)));
    } else if (isInlineArray(part)) {
      part.forEach(visit);
    } else {
      out.push(...splitLong(part));
    }
  };
  parts.forEach(visit);
  return out;
}

function isInlineArray(part: RichText | readonly Inline[]): part is readonly Inline[] {
  return Array.isArray(part);
}

function splitLong(item: RichText): RichText[] {
  if (item.type !== 'text' || item.text.content.length <= MAX_TEXT_LENGTH) return [item];
  const pieces: RichText[] = [];
  for (let at = 0; at < item.text.content.length; at += MAX_TEXT_LENGTH) {
    const content = item.text.content.slice(at, at + MAX_TEXT_LENGTH);
    pieces.push({ ...item, text: { ...item.text, content }, plain_text: content });
  }
  return pieces;
}

function annotate(patch: Partial<AnnotationResponse>): (...parts: Inline[]) => RichText[] {
  return (...parts) => richText(...parts).map((item) => ({ ...item, annotations: { ...item.annotations, ...patch } }));
}

export const bold = annotate({ bold: true });
export const italic = annotate({ italic: true });
export const strike = annotate({ strikethrough: true });
export const underline = annotate({ underline: true });
/** Inline code (the `code` annotation); `code()` is the code block. */
export const inlineCode = annotate({ code: true });

/** Text or background colour, e.g. `color('red', 'Stop')`, `color('yellow_background', bold('Note'))`. */
export function color(value: ApiColor, ...parts: Inline[]): RichText[] {
  return annotate({ color: value })(...parts);
}

/** An external link: `text.link.url` and `href` are both `url`. */
export function link(url: string, ...parts: Inline[]): RichText[] {
  return withLink(url, url, parts);
}

/**
 * A link to another page of the workspace as the API returns one made with Cmd+K:
 * `text.link.url` is `/<32hex>` and `href` is `https://www.notion.so/<32hex>`.
 */
export function pageLink(pageId: string, ...parts: Inline[]): RichText[] {
  return withLink(`/${compactId(pageId)}`, notionShortUrl(pageId), parts);
}

function withLink(url: string, href: string, parts: Inline[]): RichText[] {
  return richText(...parts).map((item) =>
    item.type === 'text' ? { ...item, text: { ...item.text, link: { url } }, href } : { ...item, href },
  );
}

/** An inline equation (KaTeX source); its plain text is the expression. */
export function inlineEquation(expression: string): RichText {
  return {
    type: 'equation',
    equation: { expression },
    annotations: { ...DEFAULT_ANNOTATIONS },
    plain_text: expression,
    href: null,
  };
}

/** The concatenated plain text of rich text, as a reader would see it. */
export function plainText(items: readonly RichText[]): string {
  return items.map((item) => item.plain_text).join('');
}
