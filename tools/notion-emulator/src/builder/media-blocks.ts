import { block } from './block-node';
import type { BlockNodeOf } from './nodes';
import { fileObject, sourceName, toSource } from './media-source';
import type { HostedFile, MediaSource } from './media-source';
import { richText } from './rich-text';
import type { Inline } from './rich-text';

export interface CaptionOptions {
  caption?: Inline;
}

/** `source` is a URL (external) or `hosted(name, bytes, contentType)` (Notion-hosted). */
type Source = MediaSource | string;

function media(source: Source, options: CaptionOptions) {
  const resolved = toSource(source);
  const files: HostedFile[] = resolved.kind === 'hosted' ? [resolved] : [];
  return { payload: { ...fileObject(resolved), caption: richText(options.caption ?? []) }, files, resolved };
}

export function image(source: Source, options: CaptionOptions = {}): BlockNodeOf<'image'> {
  const { payload, files } = media(source, options);
  return block('image', payload, [], files);
}

export function video(source: Source, options: CaptionOptions = {}): BlockNodeOf<'video'> {
  const { payload, files } = media(source, options);
  return block('video', payload, [], files);
}

export function pdf(source: Source, options: CaptionOptions = {}): BlockNodeOf<'pdf'> {
  const { payload, files } = media(source, options);
  return block('pdf', payload, [], files);
}

export function audio(source: Source, options: CaptionOptions = {}): BlockNodeOf<'audio'> {
  const { payload, files } = media(source, options);
  return block('audio', payload, [], files);
}

/** A file attachment; its `name` defaults to the hosted name or the last segment of the URL. */
export function file(source: Source, options: CaptionOptions & { name?: string } = {}): BlockNodeOf<'file'> {
  const { payload, files, resolved } = media(source, options);
  return block('file', { ...payload, name: options.name ?? sourceName(resolved) }, [], files);
}

export function bookmark(url: string, options: CaptionOptions = {}): BlockNodeOf<'bookmark'> {
  return block('bookmark', { url, caption: richText(options.caption ?? []) });
}

export function embed(url: string, options: CaptionOptions = {}): BlockNodeOf<'embed'> {
  return block('embed', { url, caption: richText(options.caption ?? []) });
}

/** A link preview (GitHub, Slack, Figma… links unfurled by Notion). */
export function linkPreview(url: string): BlockNodeOf<'link_preview'> {
  return block('link_preview', { url });
}
