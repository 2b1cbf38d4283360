// Item 6: start-up laziness. How long a fresh Node process takes to import the official SDK (which
// the core defers to the first call) against the core the tray needs, each bundled with esbuild
// (packages external, so each import loads only its own packages). Then whether the real main
// bundle keeps the SDK off its static import graph, i.e. whether the tray can show before it
// loads, and what start-up would import if it did not.
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { BENCH_CACHE } from '../blank-react';
import { median, round2 } from '../measure';
import type { Row } from '../report';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SDK_PACKAGES = ['@alicloud/openapi-client'];

const CORE_FILES = [
  'preload/shared/contract.ts',
  'main/core/settings.ts',
  'main/core/vault.ts',
  'main/core/keychain.ts',
  'main/core/ipc-handlers.ts',
  'main/core/app-service.ts',
];

// Module specifiers: files of this repository start with './', packages are named.
const ENTRIES = {
  sdk: SDK_PACKAGES,
  // The core without the E-HPC client and the service that holds it.
  rest: CORE_FILES.slice(0, -1).map((f) => `./${f}`),
  // The whole core: the SDK stays behind its first call.
  core: CORE_FILES.map((f) => `./${f}`),
  // What start-up would import if the SDK were imported statically.
  eager: [...CORE_FILES.map((f) => `./${f}`), ...SDK_PACKAGES],
} as const;

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'silent',
} as const;

async function bundle(name: string, files: readonly string[], outDir: string): Promise<string> {
  const outfile = join(outDir, `${name}.mjs`);
  await build({
    ...common,
    stdin: {
      // `export *` keeps every module (and its package imports) alive through tree shaking.
      contents: files.map((f) => `export * from '${f}';`).join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile,
  });
  return outfile;
}

/** Milliseconds a fresh Node process spends in `import(file)`, median of `reps` processes. */
async function importMs(file: string | undefined, reps: number): Promise<number> {
  const script = file
    ? `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`
    : 'console.log(0);';
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
    });
    samples.push(Number(stdout.trim()));
  }
  return median(samples);
}

/** The kinds of import by which main's bundle reaches the SDK ('import-statement' = at start-up). */
async function sdkImportKinds(): Promise<string[]> {
  const result = await build({
    ...common,
    entryPoints: [join(ROOT, 'main/shell/index.ts')],
    outfile: join(BENCH_CACHE, 'startup', 'main-probe.mjs'),
    write: false,
    metafile: true,
  });
  const meta: Metafile = result.metafile;
  const kinds = new Set<string>();
  for (const out of Object.values(meta.outputs)) {
    for (const imp of out.imports) {
      if (
        imp.external &&
        SDK_PACKAGES.some((p) => imp.path === p || imp.path.startsWith(`${p}/`))
      ) {
        kinds.add(imp.kind);
      }
    }
  }
  return [...kinds];
}

export async function benchStartup(reps: number): Promise<Row[]> {
  const outDir = join(BENCH_CACHE, 'startup');
  await mkdir(outDir, { recursive: true });
  const files = {
    sdk: await bundle('sdk', ENTRIES.sdk, outDir),
    rest: await bundle('rest', ENTRIES.rest, outDir),
    core: await bundle('core', ENTRIES.core, outDir),
    eager: await bundle('eager', ENTRIES.eager, outDir),
  };
  const ms = {
    sdk: await importMs(files.sdk, reps),
    rest: await importMs(files.rest, reps),
    core: await importMs(files.core, reps),
    eager: await importMs(files.eager, reps),
  };
  const kinds = await sdkImportKinds();
  const eager = kinds.includes('import-statement') || kinds.includes('require-call');
  const trayPathMs = eager ? ms.eager : ms.core;
  return [
    {
      id: 'startup.import',
      item: '6. import: the SDK (at the first call) vs the core',
      baselineLabel: 'core without the client',
      baseline: round2(ms.rest),
      app: round2(ms.sdk),
      unit: 'ms',
      ratio: round2(ms.sdk / ms.rest),
      target: 'info (fresh process)',
      verdict: 'INFO',
      detail: { importMs: ms, reps },
    },
    {
      id: 'startup.trayPath',
      item: '6. core imports before the tray',
      baselineLabel: 'core + SDK, eager',
      baseline: round2(ms.eager),
      app: round2(trayPathMs),
      unit: 'ms',
      ratio: round2(trayPathMs / ms.eager),
      target: 'SDK not imported at start-up',
      verdict: eager ? 'MISS' : 'PASS',
      detail: { sdkImportKindsInMainBundle: kinds },
    },
  ];
}
