import { CLI_DEFAULT_PORT, USAGE, parseCliOptions } from './cli-options';

describe('parseCliOptions', () => {
  it('defaults to port 4010 and leaves the rest to the emulator defaults', () => {
    expect(parseCliOptions([], {})).toEqual({
      port: CLI_DEFAULT_PORT,
      host: undefined,
      apiKey: undefined,
      models: undefined,
      defaultTargetLanguage: undefined,
      faults: {},
    });
    expect(CLI_DEFAULT_PORT).toBe(4010);
  });

  it('reads every flag', () => {
    const options = parseCliOptions(
      [
        '--port', '0',
        '--host', '0.0.0.0',
        '--api-key', 'sk-test',
        '--model', 'a', '--model', 'b',
        '--language', 'ko',
        '--faults', '{"rateLimit":{"count":2,"retryAfterSeconds":3}}',
        '--delay-ms', '15',
      ],
      {},
    );
    expect(options).toEqual({
      port: 0,
      host: '0.0.0.0',
      apiKey: 'sk-test',
      models: ['a', 'b'],
      defaultTargetLanguage: 'ko',
      faults: { rateLimit: { count: 2, retryAfterSeconds: 3 }, delayMs: 15 },
    });
  });

  it('falls back to the OPENAI_EMULATOR_* variables, flags winning', () => {
    const env = { OPENAI_EMULATOR_PORT: '5000', OPENAI_EMULATOR_HOST: '::1', OPENAI_EMULATOR_API_KEY: 'sk-env' };
    expect(parseCliOptions([], env)).toMatchObject({ port: 5000, host: '::1', apiKey: 'sk-env' });
    expect(parseCliOptions(['--port', '6000', '--api-key', 'sk-flag'], env)).toMatchObject({ port: 6000, apiKey: 'sk-flag' });
  });

  it('returns undefined for --help', () => {
    expect(parseCliOptions(['--help'], {})).toBeUndefined();
    expect(parseCliOptions(['-h'], {})).toBeUndefined();
    expect(USAGE).toContain('--faults');
  });

  it.each([
    [['--port', 'abc'], '--port must be 0-65535'],
    [['--port', '70000'], '--port must be 0-65535'],
    [['--faults', '{nope'], '--faults must be JSON'],
    [['--faults', '{"nope":{"count":1}}'], 'unknown fault switch "nope"'],
    [['--delay-ms=-1'], '--delay-ms must be a non-negative number'],
    [['--language', 'not a code'], '--language must be a language code'],
    [['--model', ''], '--model must not be empty'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliOptions(argv, {})).toThrow(message);
  });

  it('refuses an unknown flag', () => {
    expect(() => parseCliOptions(['--nope'], {})).toThrow();
  });
});
