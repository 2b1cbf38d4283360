// Builds the sandboxed preload (dist/preload/index.cjs): one CommonJS file, only `electron`
// external. The contract's operation names are injected as `__EHPC_OPERATIONS__` (esbuild
// `define`), so the bundle holds a list of names rather than the contract, its schemas and zod.
// Shared by scripts/build.mjs and the test that keeps the bundle small.
import { build } from 'esbuild';

/** The contract's operation names, read from the contract itself (bundled and evaluated here). */
export async function operationNames() {
  const out = await build({
    entryPoints: ['preload/shared/contract.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  const code = out.outputFiles[0]?.text ?? '';
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  if (!Array.isArray(mod.operations) || mod.operations.length === 0) {
    throw new Error('preload/shared/contract.ts exports no operations');
  }
  return mod.operations;
}

/** The esbuild result for the preload; `write: false` keeps it in memory (for tests). */
export async function buildPreload({ outfile = 'dist/preload/index.cjs', write = true } = {}) {
  return build({
    entryPoints: ['preload/index.ts'],
    outfile,
    write,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    sourcemap: false,
    logLevel: 'warning',
    legalComments: 'none',
    define: { __EHPC_OPERATIONS__: JSON.stringify(await operationNames()) },
  });
}
