// Builds dist/renderer when it is missing or older than its sources. Run under flock by the
// harness, so parallel test files build once and never serve a half-written folder.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const output = 'dist/renderer/index.html';

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs);
}

const sources = ['renderer', 'preload/shared', 'vite.config.ts'].filter(existsSync);
const stale = !existsSync(output) || sources.some((s) => newest(s) > statSync(output).mtimeMs);
if (stale) {
  execFileSync(process.execPath, ['scripts/build.mjs', 'renderer'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
