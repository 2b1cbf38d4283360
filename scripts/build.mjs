// Builds every runnable part into dist/:
//   dist/main/index.mjs      Electron main (shell + core), dependencies left to node_modules
//   dist/preload/index.cjs   the sandboxed preload (scripts/preload-build.mjs): operation names, no zod
//   dist/cli/ehpc-vnc.mjs    the CLI (plain Node)
//   dist/renderer/           the React page (Vite)
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chmod, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { buildPreload } from './preload-build.mjs';

const only = process.argv.slice(2);
const want = (part) => only.length === 0 || only.includes(part);
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
};

if (only.length === 0) await rm('dist', { recursive: true, force: true });

if (want('main') && existsSync('main/shell/index.ts')) {
  await build({
    ...common,
    entryPoints: ['main/shell/index.ts'],
    outfile: 'dist/main/index.mjs',
    format: 'esm',
    packages: 'external',
  });
}
if (want('preload') && existsSync('preload/index.ts')) {
  await buildPreload();
}
if (want('cli') && existsSync('main/cli/ehpc-vnc.ts')) {
  await build({
    ...common,
    entryPoints: ['main/cli/ehpc-vnc.ts'],
    outfile: 'dist/cli/ehpc-vnc.mjs',
    format: 'esm',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
  });
  await chmod('dist/cli/ehpc-vnc.mjs', 0o755);
}
if (want('renderer') && existsSync('renderer/index.html')) {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
