import { parseCgiHead } from './cgi';

describe('parseCgiHead', () => {
  it('waits for the blank line that ends the header block', () => {
    expect(parseCgiHead(Buffer.from('Status: 404 Not Found\r\nContent-Type: text/plain\r\n'))).toBeUndefined();
  });

  it('takes the status, keeps the other headers and hands back the start of the body', () => {
    const head = parseCgiHead(
      Buffer.from('Status: 403 Forbidden\r\nContent-Type: text/plain\r\nX-A: 1\r\nX-A: 2\r\n\r\nbody\n\nmore'),
    );
    expect(head?.status).toBe(403);
    expect(head?.headers).toEqual({ 'Content-Type': 'text/plain', 'X-A': ['1', '2'] });
    expect(head?.body.toString()).toBe('body\n\nmore');
  });

  it('defaults to 200 and accepts bare LF line ends', () => {
    const head = parseCgiHead(Buffer.from('Content-Type: application/x-git-upload-pack-advertisement\n\n001e#'));
    expect(head?.status).toBe(200);
    expect(head?.headers).toEqual({ 'Content-Type': 'application/x-git-upload-pack-advertisement' });
    expect(head?.body.toString()).toBe('001e#');
  });
});
