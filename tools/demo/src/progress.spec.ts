import { bar, ProgressReporter } from './progress';
import { takeFrames } from './sse';

const status = (state: string, total: number, message = state) => ({ status: state, total_progress: total, message });

describe('ProgressReporter', () => {
  it('prints one plain line per state and per 10 % step when not on a terminal', () => {
    const lines: string[] = [];
    const reporter = new ProgressReporter({ line: (text) => lines.push(text) });
    [status('queued', 0), status('exporting', 5, 'a'), status('exporting', 8, 'b'), status('exporting', 12, 'c'), status('completed', 100, 'done')].forEach((s) => reporter.update(s));
    reporter.finish();
    expect(lines).toEqual([
      '    0%  queued             queued',
      '    5%  exporting          a',
      '   12%  exporting          c',
      '  100%  completed          done',
    ]);
  });

  it('redraws one bar in place on a terminal, cut to the width, and ends it with a newline', () => {
    const writes: string[] = [];
    const reporter = new ProgressReporter({ line: () => undefined, write: (text) => writes.push(text), columns: 60 });
    reporter.update(status('translating', 50, 'Translating a rather long file name into Korean and Japanese'));
    reporter.finish();
    expect(writes[0].startsWith(`\r\x1b[2K  ${bar(50)}  50%  translating`)).toBe(true);
    expect(writes[0].length).toBe('\r\x1b[2K'.length + 59);
    expect(writes[0].endsWith('…')).toBe(true);
    expect(writes[1]).toBe('\n');
    expect(bar(50, 10)).toBe('[█████░░░░░]');
  });
});

describe('takeFrames', () => {
  it('parses complete frames (ids, named events, multi-line data, comments) and keeps the unfinished rest', () => {
    const { events, rest } = takeFrames(': ping - 1\n\nid: 1-0\ndata: {"a":1}\n\nevent: done\nid: 2-0\r\ndata: x\r\ndata: y\r\n\r\nevent: ping\ndata: ping - 2\n\nid: 3-0\ndata: par');
    expect(events).toEqual([
      { id: '1-0', event: 'message', data: '{"a":1}' },
      { id: '2-0', event: 'done', data: 'x\ny' },
      { id: undefined, event: 'ping', data: 'ping - 2' },
    ]);
    expect(rest).toBe('id: 3-0\ndata: par');
  });
});
