// The e2e build is told apart from a release by electron-builder's config, at build time: only
// with EHPC_VNC_E2E_BUILD=1 does the package.json inside app.asar carry the marker that lets a
// packaged app accept debugging switches (main/shell/debug-switches.ts). And no build fetches a
// prebuilt native module: electron-builder compiles keytar for Electron from source.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { E2E_BUILD_ENV } from '../../build/fuses.cjs';
import { readBuildProfile } from '../../main/shell/debug-switches';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** electron-builder's config, read fresh in a child the way electron-builder reads it. */
async function configFor(e2e: string): Promise<Record<string, unknown>> {
  const script =
    'const c = require("./electron-builder.config.cjs");' +
    'process.stdout.write(JSON.stringify({ extraMetadata: c.extraMetadata, ' +
    'buildDependenciesFromSource: c.buildDependenciesFromSource, npmRebuild: c.npmRebuild }))';
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      cwd: ROOT,
      env: { ...process.env, [E2E_BUILD_ENV]: e2e },
    });
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
  });
  return JSON.parse(out) as Record<string, unknown>;
}

/** The profile the packaged app reads from the manifest electron-builder would write. */
function profileOf(config: Record<string, unknown>) {
  const manifest = {
    ...(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as object),
    ...(config.extraMetadata as object),
  };
  const app = { isPackaged: true, getAppPath: () => '/app.asar' };
  return readBuildProfile(app, () => JSON.stringify(manifest));
}

describe('the build profile', () => {
  it('is a release unless the e2e build is asked for at packaging time', async () => {
    expect(profileOf(await configFor(''))).toEqual({ isPackaged: true, e2eBuild: false });
    expect(profileOf(await configFor('0'))).toEqual({ isPackaged: true, e2eBuild: false });
    expect(profileOf(await configFor('1'))).toEqual({ isPackaged: true, e2eBuild: true });
  });

  it('builds native modules from source, never from a downloaded prebuilt binary', async () => {
    const config = await configFor('');
    expect(config.buildDependenciesFromSource).toBe(true);
    expect(config.npmRebuild).not.toBe(false);
  });
});
