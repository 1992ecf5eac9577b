import type { GitHttpResponse, HttpClient } from 'isomorphic-git';

/**
 * isomorphic-git's fetch (and so its clone) resolves the remote's `HEAD` after fetching, even when the ref to
 * fetch is named and `singleBranch` is set, and throws "Could not find HEAD." when the remote lists none. A
 * remote whose HEAD names a branch that does not exist (a fresh bare repository with HEAD → `main` and only our
 * `develop` pushed) lists none. This client makes such a ref advertisement list `HEAD` at the tip of the branch
 * being fetched. The value only feeds isomorphic-git's `defaultBranch`, which a single-branch fetch of a named
 * branch neither stores nor uses. Advertisements that list HEAD, or not the branch, pass unchanged.
 */
export function advertiseHeadAs(http: HttpClient, branch: string): HttpClient {
  return {
    request: async (request) => {
      const response = await http.request(request);
      if (request.method !== 'GET' || !isUploadPackAdvertisement(request.url) || response.statusCode !== 200) {
        return response;
      }
      const bytes = await collect(response.body);
      const patched = withHead(bytes, `refs/heads/${branch}`) ?? bytes;
      return withBody(response, patched);
    },
  };
}

function isUploadPackAdvertisement(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.pathname.endsWith('/info/refs') && parsed.searchParams.get('service') === 'git-upload-pack';
  } catch {
    return false;
  }
}

async function collect(body: AsyncIterableIterator<Uint8Array> | undefined): Promise<Buffer> {
  const chunks: Buffer[] = [];
  if (body !== undefined) for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function withBody(response: GitHttpResponse, bytes: Buffer): GitHttpResponse {
  const headers = { ...response.headers };
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-length') delete headers[name];
  async function* body(): AsyncGenerator<Uint8Array> {
    yield bytes;
  }
  return { ...response, headers, body: body() };
}

/** One pkt-line: where it starts and ends in the body, and its payload (none for flush/delim packets). */
interface Packet {
  end: number;
  payload?: string;
}

function readPackets(bytes: Buffer): Packet[] | undefined {
  const packets: Packet[] = [];
  let at = 0;
  while (at < bytes.length) {
    const hex = bytes.toString('latin1', at, at + 4);
    if (!/^[0-9a-f]{4}$/i.test(hex)) return undefined;
    const length = parseInt(hex, 16);
    const end = length < 4 ? at + 4 : at + length;
    if (end > bytes.length) return undefined;
    packets.push(length < 4 ? { end } : { end, payload: bytes.toString('utf8', at + 4, end) });
    at = end;
  }
  return packets;
}

/** The name of the ref a v1 advertisement line lists (`<oid> <name>[\0<capabilities>]\n`), and its oid. */
function refOf(payload: string): { oid: string; name: string } | undefined {
  const [oid, name] = /^([0-9a-f]{40}|[0-9a-f]{64}) ([^\0\n]+)/.exec(payload)?.slice(1) ?? [];
  return oid !== undefined && name !== undefined ? { oid, name } : undefined;
}

/** `bytes` with a `HEAD` line at `ref`'s tip after the first ref line, or undefined when it needs none. */
function withHead(bytes: Buffer, ref: string): Buffer | undefined {
  const packets = readPackets(bytes);
  if (packets === undefined || !packets[0]?.payload?.startsWith('# service=git-upload-pack')) return undefined;
  const refLines = packets.slice(1).filter((packet) => packet.payload !== undefined);
  const refs = refLines.map((packet) => refOf(packet.payload ?? ''));
  if (refs.some((entry) => entry === undefined || entry.name === 'HEAD')) return undefined;
  const tip = refs.find((entry) => entry?.name === ref)?.oid;
  const first = refLines[0];
  if (tip === undefined || first === undefined) return undefined;
  const line = Buffer.from(`${tip} HEAD\n`, 'utf8');
  const packet = Buffer.concat([Buffer.from((line.length + 4).toString(16).padStart(4, '0'), 'latin1'), line]);
  const cut = first.end;
  return Buffer.concat([bytes.subarray(0, cut), packet, bytes.subarray(cut)]);
}
