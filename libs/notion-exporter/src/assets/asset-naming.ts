import { createHash } from 'node:crypto';
import { fileNameOf } from '../convert/media-file';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'image/avif': 'avif',
  'application/pdf': 'pdf',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'application/zip': 'zip',
  'text/plain': 'txt',
};

/** The extension of the source file name, else one for the content type, else `bin`. */
export function extensionFor(sourceKey: string, contentType: string): string {
  const fromName = /\.([a-z0-9]{1,8})$/i.exec(fileNameOf(sourceKey));
  if (fromName) return fromName[1].toLowerCase();
  return EXTENSIONS[contentType] ?? 'bin';
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `<first 16 hex of sha256>.<ext>`: the same bytes always get the same name. */
export function assetFileName(sha256: string, extension: string): string {
  return `${sha256.slice(0, 16)}.${extension}`;
}
