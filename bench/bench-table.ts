/** Rows every benchmark returns: printed as one table and written to bench/results.json. */
export interface BenchRow {
  /** What was measured, e.g. "import 10,000 files". */
  name: string;
  /** The figure, e.g. "4.2 s" or "p99 3.1 ms". */
  value: string;
  /** The target from the issue it answers, e.g. "< 60 s". */
  target?: string;
  /** Whether the figure meets the target (undefined when there is none). */
  ok?: boolean;
}

export function printTable(title: string, rows: BenchRow[]): void {
  const widths = [Math.max(4, ...rows.map((r) => r.name.length)), Math.max(5, ...rows.map((r) => r.value.length)), Math.max(6, ...rows.map((r) => (r.target ?? '').length))];
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n## ${title}\n`);
  console.log(line(['what', 'value', 'target']) + ' ok |');
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|----|`);
  for (const row of rows) console.log(`${line([row.name, row.value, row.target ?? ''])} ${row.ok === undefined ? '  ' : row.ok ? '✅' : '❌'} |`);
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] ?? 0;
}

export const fmtMs = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
