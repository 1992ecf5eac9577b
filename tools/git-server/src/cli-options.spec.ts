import { CLI_DEFAULT_PORT, parseCliOptions } from './cli-options';

describe('parseCliOptions', () => {
  it('defaults to loopback, the CLI port, a temp root and no auth', () => {
    expect(parseCliOptions([], {})).toEqual({
      server: {
        port: CLI_DEFAULT_PORT,
        host: '127.0.0.1',
        root: undefined,
        tokens: [],
        credentials: [],
        anonymousRead: false,
        autoCreate: true,
        allowForcePush: false,
        defaultBranch: undefined,
        gitBinary: undefined,
      },
      quiet: false,
    });
  });

  it('reads every flag, repeatable ones included', () => {
    const options = parseCliOptions(
      [
        '--port=0',
        '--host', '::1',
        '--root', '/srv/git',
        '--token', 't1',
        '--token', 't2',
        '--user', 'alice:pa:ss',
        '--anonymous-read',
        '--no-auto-create',
        '--allow-force-push',
        '--default-branch', 'trunk',
        '--git', '/usr/bin/git',
        '--quiet',
      ],
      { GIT_SERVER_TOKEN: 'from-env' },
    );
    expect(options).toEqual({
      server: {
        port: 0,
        host: '::1',
        root: '/srv/git',
        tokens: ['t1', 't2'],
        credentials: [{ username: 'alice', password: 'pa:ss' }],
        anonymousRead: true,
        autoCreate: false,
        allowForcePush: true,
        defaultBranch: 'trunk',
        gitBinary: '/usr/bin/git',
      },
      quiet: true,
    });
  });

  it('falls back to the GIT_SERVER_* variables', () => {
    const options = parseCliOptions([], {
      GIT_SERVER_PORT: '0',
      GIT_SERVER_HOST: '0.0.0.0',
      GIT_SERVER_ROOT: '/data',
      GIT_SERVER_TOKEN: ' a , b ',
      GIT_SERVER_USER: 'u1:p1,u2:p2',
      GIT_SERVER_ANONYMOUS_READ: 'true',
    });
    expect(options?.server).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      root: '/data',
      tokens: ['a', 'b'],
      credentials: [
        { username: 'u1', password: 'p1' },
        { username: 'u2', password: 'p2' },
      ],
      anonymousRead: true,
    });
  });

  it('returns undefined for --help', () => {
    expect(parseCliOptions(['-h'], {})).toBeUndefined();
  });

  it.each([
    [['--port', 'x']],
    [['--port', '70000']],
    [['--token', '']],
    [['--user', 'no-colon-secret']],
    [['--user', ':secret-pw']],
    [['--default-branch=..x']],
    [['--default-branch', '-secret']],
    [['--unknown']],
    [['positional']],
  ])('refuses %j without repeating a secret', (argv) => {
    expect(() => parseCliOptions(argv, {})).toThrow();
    expect(() => parseCliOptions(argv, {})).not.toThrow(/secret/);
  });
});

describe('parseCliOptions with empty variables', () => {
  it.each([
    ['GIT_SERVER_TOKEN', ''],
    ['GIT_SERVER_TOKEN', ' '],
    ['GIT_SERVER_TOKEN', ','],
    ['GIT_SERVER_USER', ''],
    ['GIT_SERVER_USER', ' , '],
  ])('refuses %s=%j instead of turning auth off', (name, value) => {
    expect(() => parseCliOptions([], { [name]: value })).toThrow(/is set but holds no value/);
  });

  it('lets a flag override an empty variable', () => {
    expect(parseCliOptions(['--token', 't'], { GIT_SERVER_TOKEN: '' })?.server.tokens).toEqual(['t']);
  });
});
