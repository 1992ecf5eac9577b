import type { BlockObjectResponse, RichTextItemResponse } from '@notionhq/client';

export interface MediaFile {
  url: string;
  /** Notion-hosted (signed, expiring URL): downloaded and named by content. */
  hosted: boolean;
  caption: RichTextItemResponse[];
  /** The file name Notion shows (file blocks), if any. */
  name?: string;
}

type MediaPayload =
  | { type: 'external'; external: { url: string }; caption: RichTextItemResponse[]; name?: string }
  | { type: 'file'; file: { url: string }; caption: RichTextItemResponse[]; name?: string };

/** The file behind an image, video, audio, file or pdf block. */
export function mediaFile(block: BlockObjectResponse): MediaFile | undefined {
  let payload: MediaPayload | undefined;
  if (block.type === 'image') payload = block.image;
  else if (block.type === 'video') payload = block.video;
  else if (block.type === 'audio') payload = block.audio;
  else if (block.type === 'file') payload = block.file;
  else if (block.type === 'pdf') payload = block.pdf;
  if (!payload) return undefined;
  const url = payload.type === 'external' ? payload.external.url : payload.type === 'file' ? payload.file.url : undefined;
  if (!url) return undefined;
  return { url, hosted: payload.type === 'file', caption: payload.caption, name: payload.name || undefined };
}

/** A URL without its query string and fragment: the stable identity of a signed file link. */
export function sourceKey(url: string): string {
  return url.replace(/[?#].*$/, '');
}

/** The last path segment of a URL, decoded (`backup-runbook.pdf`). */
export function fileNameOf(url: string): string {
  const last = sourceKey(url).split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
