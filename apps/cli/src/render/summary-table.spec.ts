import { renderSummaryTable } from './summary-table';

describe('renderSummaryTable', () => {
  it('prints the counters, the commits, whether it pushed and the time', () => {
    const text = renderSummaryTable({
      command: 'publish',
      solution: 'zcp',
      counters: { pages: 34, assets: 7, segments: 1812, tokens: 45210, cache_hits: 0 },
      files: { created: 90, changed: 0, removed: 0 },
      languages: ['ko', 'ja'],
      commits: { export: '0123456789abcdef0123456789abcdef01234567', translation: null },
      pushed: true,
      warnings: ['unsupported block'],
      durationMs: 12_345,
    });
    expect(text).toBe(
      [
        'Summary',
        '  pages                   34',
        '  assets                   7',
        '  segments             1,812',
        '  tokens              45,210',
        '  cache hits               0',
        '  files               90 created, 0 changed, 0 removed',
        '  languages           ko, ja',
        '  export commit       0123456789abcdef0123456789abcdef01234567',
        '  translation commit  (no changes)',
        '  pushed              yes',
        '  warnings                 1',
        '  time                12.3 s',
        '',
      ].join('\n'),
    );
  });

  it('leaves out what a command does not do, and says why nothing was pushed', () => {
    const text = renderSummaryTable({
      command: 'export',
      solution: 'zcp',
      counters: { pages: 1, assets: 0, segments: 0, tokens: 0, cache_hits: 0 },
      pushed: false,
      warnings: [],
      durationMs: 80,
    });
    expect(text).not.toMatch(/commit|files|languages|warnings/);
    expect(text).toContain('  pushed      no (nothing new to push)\n');
    expect(text).toContain('  time        80 ms\n');
  });
});
