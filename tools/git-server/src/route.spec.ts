import { parseRoute } from './route';

describe('parseRoute', () => {
  const route = (repository: string, service: string, pathInfo: string, query = '') => ({
    repository,
    service,
    pathInfo,
    query,
  });

  it.each([
    [
      'GET',
      '/team/manual.git/info/refs?service=git-upload-pack',
      route('team/manual', 'upload-pack', '/team/manual.git/info/refs', 'service=git-upload-pack'),
    ],
    [
      'GET',
      '/manual.git/info/refs?service=git-receive-pack',
      route('manual', 'receive-pack', '/manual.git/info/refs', 'service=git-receive-pack'),
    ],
    ['POST', '/manual.git/git-upload-pack', route('manual', 'upload-pack', '/manual.git/git-upload-pack')],
    ['POST', '/manual.git/git-receive-pack', route('manual', 'receive-pack', '/manual.git/git-receive-pack')],
    ['GET', '/manual.git/HEAD', route('manual', 'dumb', '/manual.git/HEAD')],
    ['GET', '/manual.git/info/refs', route('manual', 'dumb', '/manual.git/info/refs')],
    ['GET', '/a%2Db.git/HEAD', route('a-b', 'dumb', '/a-b.git/HEAD')],
  ])('routes %s %s', (method, url, expected) => {
    expect(parseRoute(method, url)).toEqual({ ok: true, ...expected });
  });

  it.each([
    ['/../x.git/info/refs?service=git-upload-pack', 400],
    ['/%2e%2e/x.git/info/refs?service=git-upload-pack', 400],
    ['/%2E%2E/x.git/info/refs?service=git-upload-pack', 400],
    ['/a/%2e%2e/%2e%2e/x.git/info/refs?service=git-upload-pack', 400],
    ['/..%2Fx.git/info/refs?service=git-upload-pack', 400],
    ['/x.git/../../etc/passwd', 400],
    ['/./x.git/HEAD', 400],
    ['//etc/x.git/HEAD', 400],
    ['/x.git//HEAD', 400],
    ['http://evil.example/x.git/HEAD', 400],
    ['x.git/HEAD', 400],
    ['/x.git%00/HEAD', 400],
    ['/%ZZ.git/HEAD', 400],
    ['/x y.git/HEAD', 400],
    ['/a\\b.git/HEAD', 400],
    ['/.x.git/HEAD', 400],
    ['/-x.git/HEAD', 400],
    ['/a.git/b.git/HEAD', 404],
    ['/x.git/info/refs?service=git-upload-archive', 400],
    ['/etc/passwd', 404],
    ['/x.git', 404],
    ['/x.git/config', 404],
    ['/x.git/hooks/pre-receive', 404],
    ['/x.git/objects/info/../../config', 400],
  ])('refuses GET %s with %i', (url, status) => {
    expect(parseRoute('GET', url)).toMatchObject({ ok: false, status });
  });

  it('wants POST for the service endpoints and GET for the rest', () => {
    expect(parseRoute('GET', '/x.git/git-receive-pack')).toMatchObject({ ok: false, status: 405 });
    expect(parseRoute('POST', '/x.git/info/refs?service=git-receive-pack')).toMatchObject({ ok: false, status: 405 });
    expect(parseRoute('PUT', '/x.git/HEAD')).toMatchObject({ ok: false, status: 405 });
  });
});
