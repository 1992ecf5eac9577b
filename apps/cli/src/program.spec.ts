import { createProgram } from './program';
import { version } from '../package.json';

function run(args: string[]): { out: string; err: string; code: number | undefined } {
  let out = '';
  let err = '';
  let code: number | undefined;
  const program = createProgram()
    .exitOverride((e) => {
      code = e.exitCode;
      throw e;
    })
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  try {
    program.parse(args, { from: 'user' });
  } catch {
    // exitOverride throws after recording the exit code
  }
  return { out, err, code };
}

describe('zmp-manual program', () => {
  it('prints its package version', () => {
    expect(run(['--version'])).toEqual({ out: `${version}\n`, err: '', code: 0 });
  });

  it('rejects an unknown option with a non-zero exit and says so', () => {
    const result = run(['--frobnicate']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/unknown option '--frobnicate'/);
  });
});
