// Command-line options of `npm run bench`.
export const ITEMS = [
  'listing',
  'stopAll',
  'exposure',
  'overhead',
  'bundle',
  'firstRow',
  'startup',
  'cliStartup',
] as const;
export type Item = (typeof ITEMS)[number];

export interface BenchOptions {
  quick: boolean;
  out?: string;
  rttMs: number;
  items: Item[];
  /** Repetitions per timed sample (the median is reported). */
  reps: number;
}

export const USAGE = `Usage: npm run bench -- [--quick] [--out FILE] [--rtt MS] [--only ${ITEMS.join(',')}]

  --quick     fewer repetitions (about a minute)
  --out FILE  also write the results as JSON
  --rtt MS    injected round-trip time (default 50)
  --only      run only these items (comma-separated)`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const opts: BenchOptions = { quick: false, rttMs: 50, items: [...ITEMS], reps: 5 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--quick') opts.quick = true;
    else if (arg === '--out') opts.out = value();
    else if (arg === '--rtt') {
      opts.rttMs = Number(value());
      if (!(opts.rttMs >= 5)) throw new Error('--rtt must be at least 5 (ms)');
    } else if (arg === '--only') {
      const wanted = value().split(',');
      const unknown = wanted.filter((w) => !(ITEMS as readonly string[]).includes(w));
      if (unknown.length > 0) throw new Error(`unknown item(s): ${unknown.join(', ')}\n${USAGE}`);
      opts.items = wanted as Item[];
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  if (opts.quick) opts.reps = 3;
  return opts;
}
