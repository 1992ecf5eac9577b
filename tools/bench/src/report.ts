import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** One measured figure: ours beside a peer's, measured in the same run on the same input. */
export interface BenchRow {
  /** What is measured, e.g. "export 500 pages: API calls". */
  metric: string;
  unit: string;
  ours: number;
  /** The peer's figure, when a peer was measured for this row. */
  peer?: number;
  peerName?: string;
  /** Free text: the lower bound, the workload, a caveat. */
  note?: string;
}

export interface BenchSection {
  name: string;
  rows: BenchRow[];
}

const formatNumber = (value: number): string =>
  Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** `ours / peer`, printed as "0.25×" (lower is better for costs; the metric says which way is good). */
export function ratio(row: BenchRow): string {
  if (row.peer === undefined || row.peer === 0) return '';
  return `${(row.ours / row.peer).toFixed(2)}×`;
}

/** Renders sections as one aligned plain-text table. */
export function formatTable(sections: BenchSection[]): string {
  const header = ['metric', 'unit', 'ours', 'peer', 'ours/peer', 'note'];
  const lines: string[][] = [];
  for (const section of sections) {
    lines.push([`[${section.name}]`, '', '', '', '', '']);
    for (const row of section.rows) {
      const peer = row.peer === undefined ? '' : `${formatNumber(row.peer)}${row.peerName ? ` (${row.peerName})` : ''}`;
      lines.push([row.metric, row.unit, formatNumber(row.ours), peer, ratio(row), row.note ?? '']);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const render = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join('\n');
}

/**
 * Merges a section into bench-results.json (default: the current directory), keyed by section name, so
 * benchmarks run separately still end up in one file that can be compared across commits.
 */
export async function writeResults(section: BenchSection, file = path.resolve('bench-results.json')): Promise<void> {
  let existing: Record<string, unknown> = {};
  try {
    existing = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // first benchmark of this run
  }
  const sections = (existing.sections ?? {}) as Record<string, unknown>;
  sections[section.name] = { measuredAt: new Date().toISOString(), rows: section.rows };
  await writeFile(file, `${JSON.stringify({ ...existing, node: process.version, sections }, null, 2)}\n`);
}
