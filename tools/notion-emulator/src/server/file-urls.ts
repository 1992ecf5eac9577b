import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { EMULATOR_FILE_SCHEME } from '../workspace';

/**
 * Notion-hosted files are served through signed links that expire, like Notion's S3 links
 * (`expiry_time` one hour ahead). The emulator signs `name + expiry` with a per-process key.
 */
export class FileUrlSigner {
  private readonly key = randomBytes(32);

  constructor(
    private readonly baseUrl: () => string,
    private readonly ttlSeconds: number,
    private readonly now: () => number,
  ) {}

  sign(name: string): { url: string; expiry_time: string } {
    const expires = Math.floor(this.now() / 1000) + this.ttlSeconds;
    const query = `X-Expires=${expires}&X-Signature=${this.signature(name, expires)}`;
    return {
      url: `${this.baseUrl()}/__files/${encodeURIComponent(name)}?${query}`,
      expiry_time: new Date(expires * 1000).toISOString(),
    };
  }

  /** Why a download must be refused, or undefined when the link is valid now. */
  check(name: string, query: URLSearchParams): 'SignatureDoesNotMatch' | 'RequestExpired' | undefined {
    const expires = Number(query.get('X-Expires'));
    const given = Buffer.from(query.get('X-Signature') ?? '', 'utf8');
    const expected = Buffer.from(this.signature(name, expires), 'utf8');
    if (!Number.isInteger(expires) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return 'SignatureDoesNotMatch';
    }
    return expires * 1000 <= this.now() ? 'RequestExpired' : undefined;
  }

  /** A deep copy of an API object with every `emulator-file://` link replaced by a fresh signed one. */
  resolve<T>(value: T): T {
    return JSON.parse(JSON.stringify(value), (_key, node: unknown) => {
      if (isFileObject(node) && node.url.startsWith(EMULATOR_FILE_SCHEME)) {
        return { ...node, ...this.sign(node.url.slice(EMULATOR_FILE_SCHEME.length)) };
      }
      return node;
    }) as T;
  }

  private signature(name: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${name}\n${expires}`).digest('hex');
  }
}

function isFileObject(node: unknown): node is { url: string; expiry_time?: string } {
  return (
    typeof node === 'object' &&
    node !== null &&
    typeof (node as { url?: unknown }).url === 'string' &&
    'expiry_time' in node
  );
}
