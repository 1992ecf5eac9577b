import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';
import { advertiseHeadAs } from './advertised-head';

const BASE = 'https://git.example.invalid/org/site.git';
const ADVERTISEMENT = `${BASE}/info/refs?service=git-upload-pack`;
const DEVELOP = 'a'.repeat(40);
const RELEASE = 'b'.repeat(40);

function pkt(text: string): string {
  return (Buffer.byteLength(text) + 4).toString(16).padStart(4, '0') + text;
}

/** A v1 upload-pack advertisement, as git http-backend writes it for a repository whose HEAD is unborn. */
const UNBORN = [
  pkt('# service=git-upload-pack\n'),
  '0000',
  pkt(`${DEVELOP} refs/heads/develop\0multi_ack side-band-64k shallow agent=git/2.43.0\n`),
  pkt(`${RELEASE} refs/heads/release\n`),
  '0000',
].join('');

/** A fake host answering every request with `body`, in two chunks (a body is a stream). */
function host(body: string, statusCode = 200): { http: HttpClient; requests: GitHttpRequest[] } {
  const requests: GitHttpRequest[] = [];
  const bytes = Buffer.from(body, 'utf8');
  const http: HttpClient = {
    request: async (request): Promise<GitHttpResponse> => {
      requests.push(request);
      async function* chunks(): AsyncGenerator<Uint8Array> {
        yield bytes.subarray(0, 7);
        yield bytes.subarray(7);
      }
      return {
        url: request.url,
        method: request.method,
        statusCode,
        statusMessage: 'OK',
        headers: { 'content-type': 'application/x-git-upload-pack-advertisement', 'content-length': `${bytes.length}` },
        body: chunks(),
      };
    },
  };
  return { http, requests };
}

async function bodyOf(response: GitHttpResponse): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response.body ?? []) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

describe('advertiseHeadAs', () => {
  it('lists HEAD at the tip of the fetched branch when the advertisement lists no HEAD', async () => {
    const { http, requests } = host(UNBORN);
    const request: GitHttpRequest = { url: ADVERTISEMENT, method: 'GET', headers: { authorization: 'Basic x' } };

    const response = await advertiseHeadAs(http, 'release').request(request);

    expect(requests).toEqual([request]);
    expect(await bodyOf(response)).toBe(
      [
        pkt('# service=git-upload-pack\n'),
        '0000',
        pkt(`${DEVELOP} refs/heads/develop\0multi_ack side-band-64k shallow agent=git/2.43.0\n`),
        pkt(`${RELEASE} HEAD\n`),
        pkt(`${RELEASE} refs/heads/release\n`),
        '0000',
      ].join(''),
    );
    expect(response.headers).toEqual({ 'content-type': 'application/x-git-upload-pack-advertisement' });
    expect(response).toMatchObject({ statusCode: 200, url: ADVERTISEMENT });
  });

  it('passes an advertisement that lists HEAD through unchanged', async () => {
    const listed = [
      pkt('# service=git-upload-pack\n'),
      '0000',
      pkt(`${DEVELOP} HEAD\0symref=HEAD:refs/heads/develop agent=git/2.43.0\n`),
      pkt(`${DEVELOP} refs/heads/develop\n`),
      '0000',
    ].join('');
    const response = await advertiseHeadAs(host(listed).http, 'develop').request({ url: ADVERTISEMENT, method: 'GET' });
    expect(await bodyOf(response)).toBe(listed);
  });

  it('passes through an advertisement without the branch, an empty repository and a body that is not pkt-lines', async () => {
    const empty = [pkt('# service=git-upload-pack\n'), '0000', '0000'].join('');
    for (const [body, branch] of [[UNBORN, 'main'], [empty, 'develop'], ['<html>sign in</html>', 'develop']] as const) {
      const response = await advertiseHeadAs(host(body).http, branch).request({ url: ADVERTISEMENT, method: 'GET' });
      expect(await bodyOf(response)).toBe(body);
    }
  });

  it('leaves other requests alone: receive-pack, a pack POST, an error status', async () => {
    const cases: [GitHttpRequest, number][] = [
      [{ url: `${BASE}/info/refs?service=git-receive-pack`, method: 'GET' }, 200],
      [{ url: `${BASE}/git-upload-pack`, method: 'POST' }, 200],
      [{ url: ADVERTISEMENT, method: 'GET' }, 401],
    ];
    for (const [request, status] of cases) {
      const response = await advertiseHeadAs(host(UNBORN, status).http, 'develop').request(request);
      expect(response.headers?.['content-length']).toBe(`${Buffer.byteLength(UNBORN)}`);
      expect(await bodyOf(response)).toBe(UNBORN);
    }
  });
});
