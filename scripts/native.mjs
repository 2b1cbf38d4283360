// keytar is a native module, built for one runtime at a time: Node (the CLI and the tests) or
// Electron (`npm start`, `npm run demo`). This builds it for the runtime about to load it, and
// only when the current build does not load there, so switching between the two just works.
//   node scripts/native.mjs node|electron
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/native.mjs node|electron');
  process.exit(2);
}

const loads = (command, env = process.env) =>
  spawnSync(command, ['-e', "require('keytar')"], { env, stdio: 'ignore' }).status === 0;

if (target === 'node') {
  if (!loads(process.execPath)) {
    console.log('Rebuilding keytar for Node…');
    process.exitCode = spawnSync('npm', ['rebuild', 'keytar'], { stdio: 'inherit' }).status ?? 1;
  }
} else {
  // Resolving `electron` from Node gives the binary's path (downloading it first if needed).
  const electron = createRequire(import.meta.url)('electron');
  if (!loads(electron, { ...process.env, ELECTRON_RUN_AS_NODE: '1' })) {
    console.log('Rebuilding keytar for Electron…');
    const rebuilt = spawnSync('npx', ['electron-builder', 'install-app-deps'], {
      stdio: 'inherit',
    });
    process.exitCode = rebuilt.status ?? 1;
  }
}
