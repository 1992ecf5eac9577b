import type { ApiColor } from '@notionhq/client';
import { block } from './block-node';
import type { BlockNodeOf, ContentOf, Icon, Node } from './nodes';
import { fileObject } from './media-source';
import type { HostedFile } from './media-source';
import { richText } from './rich-text';
import type { Inline } from './rich-text';

export function paragraph(...parts: Inline[]): BlockNodeOf<'paragraph'> {
  return block('paragraph', { rich_text: richText(...parts), color: 'default', icon: null });
}

export interface HeadingOptions {
  /** A toggle heading; only toggleable headings can have children. */
  toggleable?: boolean;
  children?: Node[];
  color?: ApiColor;
}

function headingPayload(type: string, content: Inline, options: HeadingOptions): ContentOf<'heading_1'> {
  if ((options.children ?? []).length > 0 && !options.toggleable) {
    throw new Error(`A ${type} needs { toggleable: true } to have children.`);
  }
  return { rich_text: richText(content), color: options.color ?? 'default', is_toggleable: options.toggleable ?? false };
}

export function h1(content: Inline, options: HeadingOptions = {}): BlockNodeOf<'heading_1'> {
  return block('heading_1', headingPayload('heading_1', content, options), options.children);
}

export function h2(content: Inline, options: HeadingOptions = {}): BlockNodeOf<'heading_2'> {
  return block('heading_2', headingPayload('heading_2', content, options), options.children);
}

export function h3(content: Inline, options: HeadingOptions = {}): BlockNodeOf<'heading_3'> {
  return block('heading_3', headingPayload('heading_3', content, options), options.children);
}

/** The fourth heading level (newer API versions; shown as `####`). */
export function h4(content: Inline, options: HeadingOptions = {}): BlockNodeOf<'heading_4'> {
  return block('heading_4', headingPayload('heading_4', content, options), options.children);
}

export function bullet(content: Inline, ...children: Node[]): BlockNodeOf<'bulleted_list_item'> {
  return block('bulleted_list_item', { rich_text: richText(content), color: 'default' }, children);
}

export function numbered(content: Inline, ...children: Node[]): BlockNodeOf<'numbered_list_item'> {
  return block('numbered_list_item', { rich_text: richText(content), color: 'default' }, children);
}

export function todo(checked: boolean, content: Inline, ...children: Node[]): BlockNodeOf<'to_do'> {
  return block('to_do', { rich_text: richText(content), color: 'default', checked }, children);
}

export function toggle(content: Inline, ...children: Node[]): BlockNodeOf<'toggle'> {
  return block('toggle', { rich_text: richText(content), color: 'default' }, children);
}

export function quote(content: Inline, ...children: Node[]): BlockNodeOf<'quote'> {
  return block('quote', { rich_text: richText(content), color: 'default' }, children);
}

export interface CalloutOptions {
  /** Default 💡, as Notion. */
  emoji?: string;
  /** An image icon instead of an emoji. */
  icon?: Exclude<Icon, string>;
  color?: ApiColor;
}

export function callout(options: CalloutOptions, content: Inline, ...children: Node[]): BlockNodeOf<'callout'> {
  const files: HostedFile[] = options.icon?.kind === 'hosted' ? [options.icon] : [];
  const icon = options.icon ? fileObject(options.icon) : { type: 'emoji' as const, emoji: options.emoji ?? '💡' };
  return block('callout', { rich_text: richText(content), color: options.color ?? 'default', icon }, children, files);
}
