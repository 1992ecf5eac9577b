import { TtyReporter } from './tty-reporter';

const ESC = '\u001b[';

function setup(columns = 120) {
  let out = '';
  let now = 0;
  const reporter = new TtyReporter({ out: { write: (text) => void (out += text), isTTY: true, columns }, now: () => now });
  return { reporter, advance: (ms: number) => (now += ms), raw: () => out, reset: () => (out = '') };
}

/** What a terminal shows after the writes: applies "cursor up n", "clear line", "clear down", "\r", "\n". */
function screen(raw: string): string[] {
  const lines: string[] = [''];
  let row = 0;
  // eslint-disable-next-line no-control-regex -- reading escape sequences is the point
  const pattern = /\u001b\[(\d*)([AJK])|\r|\n|[^\u001b\r\n]+/gu;
  for (const match of raw.matchAll(pattern)) {
    const [token, count, command] = match;
    if (command === 'A') row = Math.max(0, row - Number(count || 1));
    else if (command === 'K') lines[row] = '';
    else if (command === 'J') {
      lines.splice(row + 1);
      lines[row] = '';
    }
    else if (token === '\r') continue;
    else if (token === '\n') {
      row += 1;
      if (lines[row] === undefined) lines[row] = '';
    } else lines[row] += token;
  }
  return lines.filter((line, i) => line !== '' || i < lines.length - 1);
}

describe('TtyReporter (a terminal)', () => {
  it('draws one live line per step with a bar, percentage, counters and the message, redrawn in place', async () => {
    const { reporter, advance, raw } = setup();
    await reporter.report({ status: 'checking_repo', message: 'Checking the repository' });
    advance(200);
    await reporter.report({ status: 'exporting', message: 'Reading the tree', export_progress: 0 });
    advance(100);
    await reporter.report({ message: 'Exporting "Install" (3/10)', export_progress: 30, counters: { pages: 3, assets: 1 } });

    expect(screen(raw())).toEqual([
      '✔ checking_repo       ████████████████████ 100%  200 ms',
      '⠸ exporting           ██████░░░░░░░░░░░░░░  30%  pages 3 · assets 1  Exporting "Install" (3/10)',
    ]);
    // Redrawn in place: the cursor went up over the two lines it had drawn.
    expect(raw()).toContain(`${ESC}2A`);

    advance(1500);
    reporter.finish('completed');
    expect(screen(raw())).toEqual([
      '✔ checking_repo       ████████████████████ 100%  200 ms',
      '✔ exporting           ████████████████████ 100%  pages 3 · assets 1  1.6 s',
    ]);
  });

  it('redraws at most every 80 ms between step changes', async () => {
    const { reporter, advance, raw, reset } = setup();
    await reporter.report({ status: 'translating', translation_progress: 0 });
    reset();
    advance(10);
    await reporter.report({ translation_progress: 1 });
    expect(raw()).toBe('');
    advance(80);
    await reporter.report({ translation_progress: 2 });
    expect(raw()).toContain(' 2%');
  });

  it('cuts lines to the terminal width', async () => {
    const { reporter, raw } = setup(60);
    await reporter.report({ status: 'pushing', message: 'Pushing 2 commits to a remote with a very long name indeed' });
    expect(screen(raw())).toEqual(['⠙ pushing             ░░░░░░░░░░░░░░░░░░░░  --%  Pushing 2…']);
  });

  it('marks a failed step with the time it ran', async () => {
    const { reporter, advance, raw } = setup();
    await reporter.report({ status: 'pushing', message: 'Pushing 2 commits' });
    advance(3000);
    reporter.finish('failed');
    expect(screen(raw())).toEqual(['✖ pushing             ░░░░░░░░░░░░░░░░░░░░  --%  failed 3.0 s']);
  });

  it('prints verbose log lines above the bars', async () => {
    let out = '';
    const reporter = new TtyReporter({ out: { write: (text) => void (out += text), isTTY: true, columns: 100 }, now: () => 0, verbose: true });
    await reporter.report({ status: 'cloning' });
    await reporter.report({ log: ['cloned the working copy'] });
    reporter.finish('completed');
    expect(screen(out)).toEqual(['cloned the working copy', '✔ cloning             ████████████████████ 100%  0 ms']);
  });
});
