import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(__filename);

/** Runs `docusaurus build` for every locale of the site in `siteDir`; resolves with the wall time in ms. */
export function buildSite(siteDir: string, cwd: string): Promise<number> {
  const cli = join(dirname(require.resolve('@docusaurus/core/package.json')), 'bin', 'docusaurus.mjs');
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cli, 'build', siteDir], {
      cwd,
      stdio: 'inherit',
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise(Date.now() - started);
      else reject(new Error(`docusaurus build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}
