import type { BlockObjectResponse, RichTextItemResponse } from '@notionhq/client';
import type { PhrasingContent, RootContent } from 'mdast';
import { oneLine, plainText } from '../../crawl/page-properties';
import type { BlockConverter, ConvertContext } from '../convert-context';
import { attribute, jsxFlow, paragraph, text } from '../mdast-builders';
import type { MediaFile } from '../media-file';
import { fileNameOf, mediaFile, sourceKey } from '../media-file';
import { convertRichText, isBlank } from '../rich-text.converter';
import { assetUrl } from '../symbolic-urls';

/** The URL to write: a symbolic asset URL for Notion-hosted files (downloaded later), else the link itself. */
function fileUrl(file: MediaFile, block: BlockObjectResponse, ctx: ConvertContext): string {
  if (!file.hosted) return file.url;
  const key = sourceKey(file.url);
  ctx.addAsset({ key, blockId: block.id }, file.url);
  return assetUrl(key);
}

/** A caption under media, in italics. */
function captionOf(caption: RichTextItemResponse[]): RootContent[] {
  return isBlank(caption) ? [] : [paragraph([{ type: 'emphasis', children: convertRichText(caption) }])];
}

function missing(node: Parameters<BlockConverter>[0], ctx: ConvertContext): RootContent[] {
  ctx.warn({ code: 'unsupported_block', blockId: node.block.id, message: `The ${node.block.type} block ${node.block.id} has no file URL; it is left out.` });
  return [];
}

export const imageConverter: BlockConverter = (node, ctx) => {
  const file = mediaFile(node.block);
  if (!file) return missing(node, ctx);
  const image: PhrasingContent = { type: 'image', url: fileUrl(file, node.block, ctx), alt: oneLine(plainText(file.caption)) || null, title: null };
  return [paragraph([image]), ...captionOf(file.caption)];
};

const YOUTUBE = /^https?:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:.*&)?v=|embed\/|shorts\/)|youtu\.be\/)([\w-]{6,})/;

export const videoConverter: BlockConverter = (node, ctx) => {
  const file = mediaFile(node.block);
  if (!file) return missing(node, ctx);
  const title = oneLine(plainText(file.caption)) || 'Video';
  const youtube = file.hosted ? null : YOUTUBE.exec(file.url);
  const player = youtube
    ? jsxFlow('iframe', [
        ...attribute('src', `https://www.youtube-nocookie.com/embed/${youtube[1]}`),
        ...attribute('title', title),
        ...attribute('width', '100%'),
        ...attribute('height', '400'),
        ...attribute('allowFullScreen', true),
      ])
    : jsxFlow('video', [...attribute('src', fileUrl(file, node.block, ctx)), ...attribute('controls', true), ...attribute('width', '100%')]);
  return [player, ...captionOf(file.caption)];
};

export const audioConverter: BlockConverter = (node, ctx) => {
  const file = mediaFile(node.block);
  if (!file) return missing(node, ctx);
  return [jsxFlow('audio', [...attribute('src', fileUrl(file, node.block, ctx)), ...attribute('controls', true)]), ...captionOf(file.caption)];
};

/** file and pdf: a download link named after the file, the caption after a dash. */
export const fileConverter: BlockConverter = (node, ctx) => {
  const file = mediaFile(node.block);
  if (!file) return missing(node, ctx);
  const name = oneLine(file.name ?? fileNameOf(file.url));
  const link: PhrasingContent = { type: 'link', url: fileUrl(file, node.block, ctx), children: [text(name || 'Download')] };
  const caption = isBlank(file.caption) ? [] : [text(' — '), ...convertRichText(file.caption)];
  return [paragraph([link, ...caption])];
};

function urlAndCaption(block: BlockObjectResponse): { url: string; caption: RichTextItemResponse[] } {
  if (block.type === 'bookmark') return { url: block.bookmark.url, caption: block.bookmark.caption };
  if (block.type === 'embed') return { url: block.embed.url, caption: block.embed.caption };
  if (block.type === 'link_preview') return { url: block.link_preview.url, caption: [] };
  return { url: '', caption: [] };
}

/** bookmark and link_preview: a link, its caption (or the URL) as text. */
export const bookmarkConverter: BlockConverter = (node) => {
  const { url, caption } = urlAndCaption(node.block);
  if (!url) return [];
  const label = isBlank(caption) ? [text(url)] : convertRichText(caption);
  return [paragraph([{ type: 'link', url, children: label }])];
};

/** embed: an iframe, then a link to the page (many sites refuse to be framed). */
export const embedConverter: BlockConverter = (node) => {
  const { url, caption } = urlAndCaption(node.block);
  if (!url) return [];
  const title = oneLine(plainText(caption)) || url;
  const frame = jsxFlow('iframe', [...attribute('src', url), ...attribute('title', title), ...attribute('width', '100%'), ...attribute('height', '500')]);
  const label = isBlank(caption) ? [text(url)] : convertRichText(caption);
  return [frame, paragraph([{ type: 'link', url, children: label }])];
};
