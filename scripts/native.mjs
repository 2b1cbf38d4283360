// keytar is a native module, built for one runtime at a time: Node (the CLI and the tests) or
// Electron (`npm start`, `npm run demo`). This builds it for the runtime about to load it, and
// only when the current build does not load there, so switching between the two just works.
//   node scripts/native.mjs node|electron
//
// Always from source, with node-gyp: dependencies' install scripts never run (.npmrc
// `ignore-scripts=true`), so keytar's own (`prebuild-install || node-gyp rebuild`), which would
// download a prebuilt binary the lockfile does not pin, is replaced by this.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const loads = (command, env = process.env) =>
  spawnSync(command, ['-e', "require('keytar')"], { env, stdio: 'ignore' }).status === 0;

/** node-gyp as locked in package-lock.json; npm's own copy when it is not installed. */
function nodeGyp() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const bundled = process.env.npm_config_node_gyp;
    if (bundled) return bundled;
    throw new Error('node-gyp is not installed: run `npm ci` first.');
  }
}

/** `node-gyp rebuild` in keytar's folder; extra arguments pick another runtime's headers. */
function buildKeytar(extraArgs, env = process.env) {
  const cwd = path.dirname(require.resolve('keytar/package.json'));
  const result = spawnSync(process.execPath, [nodeGyp(), 'rebuild', ...extraArgs], {
    cwd,
    env,
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

/**
 * This Node's own headers, when it ships them and npm has not configured a nodedir: node-gyp would
 * otherwise download them, which fails on a machine that reaches only the package registries.
 */
function nodeHeaders() {
  if (process.env.npm_config_nodedir) return [];
  const prefix = path.dirname(path.dirname(process.execPath));
  return existsSync(path.join(prefix, 'include', 'node', 'node_api.h'))
    ? [`--nodedir=${prefix}`]
    : [];
}

function main(target) {
  if (target === 'node') {
    if (loads(process.execPath)) return 0;
    console.log('Building keytar from source for Node…');
    return buildKeytar(nodeHeaders());
  }
  // Resolving `electron` from Node gives the binary's path (downloading it first if needed).
  const electron = require('electron');
  if (loads(electron, { ...process.env, ELECTRON_RUN_AS_NODE: '1' })) return 0;
  console.log('Building keytar from source for Electron…');
  const version = require('electron/package.json').version;
  // A configured nodedir (Node's own headers, e.g. Debian's /usr) would win over Electron's.
  const { npm_config_nodedir: _nodeHeaders, ...env } = process.env;
  return buildKeytar(
    [
      `--target=${version}`,
      `--arch=${process.arch}`,
      '--dist-url=https://www.electronjs.org/headers',
    ],
    env,
  );
}

const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/native.mjs node|electron');
  process.exit(2);
}
process.exitCode = main(target);
