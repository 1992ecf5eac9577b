import { CliUsageError, parseCliOptions } from './cli-options';

const parse = (...args: string[]) => parseCliOptions(args, '/fixtures/demo');

describe('parseCliOptions', () => {
  it('has the documented defaults', () => {
    expect(parse()).toEqual({
      help: false,
      workspace: '/fixtures/demo',
      generated: undefined,
      port: 4030,
      host: '127.0.0.1',
      token: 'secret_emulator',
      rateLimit: { requestsPerSecond: 3, burst: 5 },
      faultRate: 0,
    });
  });

  it('reads every flag', () => {
    const options = parse(
      '--workspace', '/ws', '--generated', '50', '--port', '0', '--host', '::1', '--token', 'secret_x',
      '--rate-limit', '2.5', '--burst', '1', '--fault-rate', '0.25', '--help',
    );
    expect(options).toEqual({
      help: true,
      workspace: '/ws',
      generated: 50,
      port: 0,
      host: '::1',
      token: 'secret_x',
      rateLimit: { requestsPerSecond: 2.5, burst: 1 },
      faultRate: 0.25,
    });
  });

  it('turns the rate limit off with --rate-limit 0', () => {
    expect(parse('--rate-limit', '0').rateLimit).toBe(false);
  });

  it.each([
    [['--rate-limit', 'abc'], /--rate-limit must be a number >= 0/],
    [['--rate-limit', '-1'], /--rate-limit/],
    [['--burst', '0'], /--burst must be an integer >= 1/],
    [['--burst', '2.5'], /--burst/],
    [['--port', '70000'], /--port must be an integer within 0\.\.65535/],
    [['--port', ''], /--port/],
    [['--port', '0x10'], /--port/],
    [['--fault-rate', '2'], /--fault-rate must be a number within 0\.\.1/],
    [['--generated', 'many'], /--generated must be an integer >= 1/],
    [['--generated', '0'], /--generated/],
    [['--token', ''], /--token must not be empty/],
    [['--nope'], /nope/],
    [['stray'], /stray/],
  ])('refuses %j', (args, message) => {
    expect(() => parse(...args)).toThrow(CliUsageError);
    expect(() => parse(...args)).toThrow(message);
  });
});
