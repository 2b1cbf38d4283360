// Builds every runnable part into dist/:
//   dist/main/index.mjs      Electron main (shell + core) with its dependencies bundled in; the
//                            SDK is a chunk of its own (dist/main/chunks/), loaded at the first call
//   dist/preload/index.cjs   the sandboxed preload (scripts/preload-build.mjs): operation names, no zod
//   dist/cli/ehpc-vnc.cjs    the CLI's bin: a CommonJS launcher answering --version and help at once
//   dist/cli/ehpc-vnc-cached.cjs  its answer to `clusters --cached` (parser and cached read only)
//   dist/cli/ehpc-vnc.mjs    the CLI (plain Node): parser and core in chunks/, imported on first use
//   dist/renderer/           the React page (Vite)
// Bundled code needs no node_modules at run time, so the package ships only what cannot be
// bundled (EXTERNAL): Electron itself and keytar, whose native module the OS must load from disk.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chmod, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Never bundled: provided by Electron, or native (keytar's .node file is loaded by the OS). */
export const EXTERNAL = ['electron', 'keytar'];
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
/**
 * The SDK and a few other dependencies are CommonJS: in an ES module bundle their `require` of
 * Node built-ins needs a real `require`, and the odd `__dirname` a value.
 */
const esmRequireShim = [
  "import { createRequire as __shimCreateRequire } from 'node:module';",
  'const require = __shimCreateRequire(import.meta.url);',
].join('\n');

/** Where a bundled file's package lives: `node_modules/@s/b` for `node_modules/@s/b/x/y.js`. */
function packageDirOf(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match?.[1];
}

/**
 * The licences of the packages bundled into `metafile`'s outputs, in one text file beside them:
 * their licences ask for their notices to travel with the code, and their LICENSE files no
 * longer ship in node_modules.
 */
async function writeThirdPartyLicenses(metafile, outfile) {
  const dirs = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const input of Object.keys(output.inputs)) {
      const dir = packageDirOf(input);
      if (dir) dirs.add(dir);
    }
  }
  const sections = [];
  for (const dir of [...dirs].sort()) {
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    const licenceFile = (await readdir(dir)).find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = licenceFile
      ? await readFile(path.join(dir, licenceFile), 'utf8')
      : `License: ${pkg.license ?? 'see the package'}`;
    sections.push(`${pkg.name}@${pkg.version}\n\n${text.trim()}\n`);
  }
  await writeFile(outfile, sections.join(`\n${'-'.repeat(78)}\n\n`));
}

/**
 * dist/cli as an installable package (`npm pack dist/cli` → ehpc-vnc-<version>.tgz, then
 * `npm i -g ./ehpc-vnc-<version>.tgz`): the bundle needs nothing at run time but keytar, whose
 * native module installs for the user's platform.
 */
async function writeCliPackage(version) {
  const root = JSON.parse(await readFile('package.json', 'utf8'));
  const pkg = {
    name: 'ehpc-vnc',
    version,
    description: 'CLI of E-HPC VNC Tray: set and stop the VNC of Alibaba Cloud E-HPC clusters.',
    license: root.license,
    type: 'module',
    bin: { 'ehpc-vnc': 'ehpc-vnc.cjs' },
    files: [
      'ehpc-vnc.cjs',
      'ehpc-vnc-cached.cjs',
      'ehpc-vnc.mjs',
      'help.json',
      'chunks/',
      'THIRD-PARTY-LICENSES.txt',
    ],
    engines: root.engines,
    dependencies: { keytar: root.dependencies.keytar },
  };
  await writeFile('dist/cli/package.json', `${JSON.stringify(pkg, null, 2)}\n`);
}

/**
 * dist/cli/help.json: what `ehpc-vnc --help` and `ehpc-vnc <command> --help` print (commander's
 * text at 80 columns), so the entry answers them without loading the parser.
 */
async function writeHelpTexts() {
  const cli = (args) =>
    execFileSync(process.execPath, ['dist/cli/ehpc-vnc.mjs', ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });
  // The command names, as the completion script lists them.
  const fish = cli(['completion', 'fish']);
  const names = /-a '([^']+)'/.exec(fish)?.[1].split(' ') ?? [];
  const texts = { '': cli(['--help']) };
  for (const name of names) texts[name] = cli([name, '--help']);
  await writeFile('dist/cli/help.json', `${JSON.stringify(texts)}\n`);
}

/**
 * commander loads child_process (and with it net and streams) at start-up, only to spawn
 * executable subcommands, which ehpc-vnc has none of: it gets a stand-in that loads the real
 * module on first use, a few milliseconds off every run of the CLI.
 */
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy-builtin' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents:
        "module.exports = new Proxy({}, { get: (_t, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

if (only.length === 0) await rm('dist', { recursive: true, force: true });

if (want('main') && existsSync('main/shell/index.ts')) {
  await rm('dist/main', { recursive: true, force: true });
  const { metafile } = await build({
    ...common,
    entryPoints: { index: 'main/shell/index.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    // The SDK's dynamic import (main/core/ehpc/sdk-transport.ts) stays a separate chunk, so
    // start-up neither loads nor parses it.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    external: EXTERNAL,
    banner: { js: esmRequireShim },
    metafile: true,
  });
  await writeThirdPartyLicenses(metafile, 'dist/main/THIRD-PARTY-LICENSES.txt');
}
if (want('preload') && existsSync('preload/index.ts')) {
  await buildPreload();
}
if (want('cli') && existsSync('main/cli/ehpc-vnc.ts')) {
  await rm('dist/cli', { recursive: true, force: true });
  const { version } = JSON.parse(await readFile('package.json', 'utf8'));
  const { metafile } = await build({
    ...common,
    metafile: true,
    entryPoints: { 'ehpc-vnc': 'main/cli/ehpc-vnc.ts' },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    // The entry answers --version itself; the parser and the core are chunks imported on first
    // use, so --help never parses the core, zod, keytar or the SDK.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    external: EXTERNAL,
    define: { __CLI_VERSION__: JSON.stringify(version) },
    banner: { js: `#!/usr/bin/env node\n${esmRequireShim}` },
    plugins: [lazyChildProcessForCommander],
  });
  await chmod('dist/cli/ehpc-vnc.mjs', 0o755);
  // The bin: CommonJS, so --version and plain help never set up the ES module loader.
  await build({
    ...common,
    entryPoints: ['main/cli/launcher.ts'],
    outfile: 'dist/cli/ehpc-vnc.cjs',
    format: 'cjs',
    define: { __CLI_VERSION__: JSON.stringify(version) },
    banner: { js: '#!/usr/bin/env node' },
  });
  await chmod('dist/cli/ehpc-vnc.cjs', 0o755);
  // The bin's answer to `clusters --cached` (main/cli/cached-launch.ts): CommonJS too, so that
  // neither the ES module loader nor any chunk is set up for it; the parser and the cached read.
  await build({
    ...common,
    entryPoints: ['main/cli/cached-launch.ts'],
    outfile: 'dist/cli/ehpc-vnc-cached.cjs',
    format: 'cjs',
    external: EXTERNAL,
    define: { __CLI_VERSION__: JSON.stringify(version) },
    plugins: [lazyChildProcessForCommander],
  });
  await writeThirdPartyLicenses(metafile, 'dist/cli/THIRD-PARTY-LICENSES.txt');
  await writeHelpTexts();
  await writeCliPackage(version);
}
if (want('renderer') && existsSync('renderer/index.html')) {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
