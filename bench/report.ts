// One row per measured item: baseline against app, in the unit that item is judged in, with the
// target and whether this run met it. Printed as a table and written as JSON.

export type Verdict = 'PASS' | 'MISS' | 'INFO';

export interface Row {
  /** Stable identifier for the JSON (e.g. `listing.cold.n1000`). */
  id: string;
  item: string;
  baselineLabel: string;
  baseline: number;
  app: number;
  /** 'ms', 'µs', 'KiB' */
  unit: string;
  /** Values as multiples of the injected round-trip time, for network-bound rows. */
  baselineRtt?: number;
  appRtt?: number;
  /** app / baseline */
  ratio: number;
  target: string;
  verdict: Verdict;
  /** Anything else worth keeping in the JSON (samples, request counts, ...). */
  detail?: Record<string, unknown>;
}

export interface RunReport {
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  rttMs: number;
  reps: number;
  node: string;
  platform: string;
  cpus: number;
  rows: Row[];
  /** Items that could not run (e.g. no Chromium), with the reason. */
  skipped: { item: string; reason: string }[];
}

const fmt = (n: number | undefined, unit = ''): string => {
  if (n === undefined || !Number.isFinite(n)) return '—';
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return `${n.toFixed(digits)}${unit}`;
};

/** A Markdown table: readable in a terminal and pasteable into the README as it is. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['item', 'baseline', 'app', 'RTT× base → app', 'ratio', 'target', 'result'];
  const lines = rows.map((r) => [
    r.item,
    `${fmt(r.baseline, ` ${r.unit}`)} (${r.baselineLabel})`,
    fmt(r.app, ` ${r.unit}`),
    r.baselineRtt !== undefined || r.appRtt !== undefined
      ? `${fmt(r.baselineRtt)} → ${fmt(r.appRtt)}`
      : '',
    fmt(r.ratio, '×'),
    r.target,
    r.verdict === 'MISS' ? '**MISS**' : r.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    row(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...lines.map(row),
  ].join('\n');
}
