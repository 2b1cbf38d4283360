// Packages the app with electron-builder's unpacked (`--dir`) target for linux-x64, exactly as
// `npm run pack` does but with a stand-in Electron distribution (the real one cannot be
// downloaded here), then inspects what a user would install: app.asar, app.asar.unpacked, the
// tray images beside them, and the fuses flipped in the executable.
//
// Nothing may be downloaded: every mirror and proxy electron-builder or npm could use points at a
// closed local port, so an attempt fails the build instead of passing unnoticed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_BUILD_ENV, e2eFuses, fusesFor, releaseFuses, type Fuses } from '../../build/fuses.cjs';
import { readBuildProfile } from '../../main/shell/debug-switches';
import { AsarContents, bareImports } from './asar-contents';
import { writeStandInElectron } from './stand-in-electron';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

/**
 * app.asar measured 17.5 MiB when this budget was set: the built app is ~1.2 MB, the rest is
 * production node_modules (moment and moment-timezone's data, xml2js, zod, lodash; most of it
 * comes with the Alibaba Cloud SDK). 26 MiB is ~1.5× that: room for ordinary growth, but a dependency
 * that drags in something large (or a dev dependency leaking in) fails here and gets a look.
 */
const ASAR_BUDGET_BYTES = 26 * 1024 * 1024;

/** Tooling that must never ship, whatever the dependency tree looks like. */
const NEVER_SHIPPED = [
  'electron',
  'electron-builder',
  'app-builder-lib',
  'vitest',
  'vite',
  'playwright',
  'playwright-core',
  'typescript',
  'eslint',
  'prettier',
  'esbuild',
  'tsx',
  '@resvg/resvg-js',
];

/**
 * Dependencies left out of the package on purpose (electron-builder.config.cjs `files`): what
 * they are for never happens at run time.
 */
const LEFT_OUT: Record<string, string> = {
  react: 'compiled into dist/renderer by Vite',
  'react-dom': 'compiled into dist/renderer by Vite',
};

const TRAY_STATES = ['running', 'stopped', 'unknown', 'working', 'error'];

const CLOSED_PORT_URL = 'http://127.0.0.1:9/';

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(args[0] ?? command)} exited with ${code}:\n${output}`)),
    );
  });
}

/** Builds the parts of dist/ that are missing (by name, so an existing dist/ is never wiped). */
async function ensureBuilt(): Promise<void> {
  const parts = {
    main: 'dist/main/index.mjs',
    preload: 'dist/preload/index.cjs',
    renderer: 'dist/renderer/index.html',
  };
  const missing = Object.entries(parts)
    .filter(([, file]) => !existsSync(path.join(ROOT, file)))
    .map(([part]) => part);
  if (missing.length > 0)
    await run(process.execPath, ['scripts/build.mjs', ...missing], process.env);
}

function wireOf(fuses: Fuses): Record<number, number> {
  const state = (on: boolean) => (on ? FuseState.ENABLE : FuseState.DISABLE);
  return {
    [FuseV1Options.RunAsNode]: state(fuses.runAsNode),
    [FuseV1Options.EnableCookieEncryption]: state(fuses.enableCookieEncryption),
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: state(
      fuses.enableNodeOptionsEnvironmentVariable,
    ),
    [FuseV1Options.EnableNodeCliInspectArguments]: state(fuses.enableNodeCliInspectArguments),
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: state(
      fuses.enableEmbeddedAsarIntegrityValidation,
    ),
    [FuseV1Options.OnlyLoadAppFromAsar]: state(fuses.onlyLoadAppFromAsar),
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: state(
      fuses.loadBrowserProcessSpecificV8Snapshot,
    ),
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: state(fuses.grantFileProtocolExtraPrivileges),
  };
}

describe('the packaged app (electron-builder --dir, linux-x64)', () => {
  let work: string;
  let appDir: string;
  let asar: AsarContents;

  beforeAll(async () => {
    await ensureBuilt();
    work = await mkdtemp(path.join(tmpdir(), 'ehpc-vnc-pack-'));
    const electronVersion = (require('electron/package.json') as { version: string }).version;
    const electronDist = await writeStandInElectron(path.join(work, 'electron'), electronVersion);
    const output = path.join(work, 'release');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CSC_IDENTITY_AUTO_DISCOVERY: 'false',
      ELECTRON_MIRROR: CLOSED_PORT_URL,
      ELECTRON_BUILDER_BINARIES_MIRROR: CLOSED_PORT_URL,
      HTTP_PROXY: CLOSED_PORT_URL,
      HTTPS_PROXY: CLOSED_PORT_URL,
      npm_config_offline: 'true',
      [E2E_BUILD_ENV]: '', // the release profile, whatever the caller's shell says
    };
    await run(
      process.execPath,
      [
        require.resolve('electron-builder/cli.js'),
        '--config',
        'electron-builder.config.cjs',
        '--linux',
        'dir',
        '--x64',
        '--publish',
        'never',
        `-c.electronDist=${electronDist}`,
        `-c.electronVersion=${electronVersion}`,
        // Rebuilding keytar for Electron needs Electron's headers from the network.
        '-c.npmRebuild=false',
        `-c.directories.output=${output}`,
      ],
      env,
    );
    appDir = path.join(output, 'linux-unpacked');
    asar = new AsarContents(path.join(appDir, 'resources', 'app.asar'));
  }, 110_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('contains the built main, preload and renderer, and package.json points at main', () => {
    expect(asar.has('dist/main/index.mjs')).toBe(true);
    expect(asar.has('dist/preload/index.cjs')).toBe(true);
    expect(asar.has('dist/renderer/index.html')).toBe(true);

    const manifest = asar.json<{ main?: string; name?: string; scripts?: unknown }>('package.json');
    expect(manifest.name).toBe('ehpc-vnc-tray');
    expect(manifest.main).toBe('dist/main/index.mjs');
    expect(asar.has(path.posix.normalize(manifest.main ?? ''))).toBe(true);
    expect(manifest.scripts).toBeUndefined();

    // Every file the page links to is packed with it.
    const html = asar.text('dist/renderer/index.html');
    const linked = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map(([, file]) => file);
    expect(linked.length).toBeGreaterThan(0);
    for (const file of linked) expect(asar.has(`dist/renderer/${file}`), file).toBe(true);
  });

  it('ships nothing but the app and its production dependencies', () => {
    const topLevel = new Set([...asar.paths].map((p) => p.split('/')[0]));
    expect([...topLevel].sort()).toEqual(['dist', 'node_modules', 'package.json']);
    const distParts = new Set(
      [...asar.paths].filter((p) => p.startsWith('dist/')).map((p) => p.split('/')[1]),
    );
    expect([...distParts].sort()).toEqual(['main', 'preload', 'renderer']);

    const offenders = [...asar.paths].filter(
      (p) =>
        /\.(ts|tsx|mts|cts|map)$/.test(p) || // sources, declarations, source maps
        /(^|\/)\.env(\.|$)/.test(p) ||
        /(^|\/)(test|tests|__tests__|docs)\//.test(p) ||
        /(^|\/)(README|CHANGELOG)[^/]*$/i.test(p),
    );
    expect(offenders).toEqual([]);
  });

  it('ships production dependencies only, and all of them', () => {
    const { reached, missing } = asar.dependencyClosure();
    const leftOut = (entry: string) => Object.keys(LEFT_OUT).some((n) => entry.startsWith(`${n} `));
    expect(missing.filter((entry) => !leftOut(entry))).toEqual([]);
    for (const name of Object.keys(LEFT_OUT)) {
      expect(asar.resolvePackage('', name), `${name} is left out`).toBeUndefined();
    }
    // Nothing is packed that the app's `dependencies` do not lead to (dev dependencies included).
    const unreachable = asar.packageDirs().filter((dir) => !reached.has(dir));
    expect(unreachable).toEqual([]);
    for (const name of NEVER_SHIPPED) {
      expect(asar.resolvePackage('', name), `${name} must not ship`).toBeUndefined();
    }
    // What the built main process imports at run time resolves inside the archive.
    const imports = bareImports(asar.text('dist/main/index.mjs')).filter((n) => n !== 'electron');
    expect(imports).toContain('keytar');
    for (const name of imports) expect(asar.resolvePackage('', name), name).toBeDefined();
    // The sandboxed preload is one file: it may load nothing but electron.
    expect(bareImports(asar.text('dist/preload/index.cjs'))).toEqual(['electron']);
  });

  it("unpacks keytar's native module, which the OS loader cannot read from an asar", () => {
    const native = 'node_modules/keytar/build/Release/keytar.node';
    expect(asar.has(native)).toBe(true);
    expect(asar.isUnpacked(native)).toBe(true);
    // The file on disk is the real module, built for this machine: ELF, PE or Mach-O.
    const onDisk = path.join(appDir, 'resources', 'app.asar.unpacked', native);
    const magic = readFileSync(onDisk).subarray(0, 4).toString('hex');
    expect(magic).toMatch(/^(7f454c46|4d5a.*|cffaedfe|cafebabe)$/);
  });

  it('stays within the size budget', () => {
    const size = statSync(asar.archive).size;
    console.log(
      `app.asar: ${(size / 1024 / 1024).toFixed(1)} MiB (budget ${ASAR_BUDGET_BYTES / 1024 / 1024} MiB)`,
    );
    expect(size).toBeLessThanOrEqual(ASAR_BUDGET_BYTES);
  });

  it('puts the tray images where the shell looks for them, and the executable under its name', () => {
    for (const state of TRAY_STATES) {
      for (const file of [
        `${state}.png`,
        `${state}@2x.png`,
        `${state}Template.png`,
        `${state}Template@2x.png`,
        `${state}.ico`,
      ]) {
        expect(existsSync(path.join(appDir, 'resources', 'tray', file)), file).toBe(true);
      }
    }
    const executable = path.join(appDir, 'ehpc-vnc-tray');
    expect(existsSync(executable)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(executable).mode & 0o111).not.toBe(0);
    expect(existsSync(path.join(appDir, 'LICENSE.electron.txt'))).toBe(true);
  });

  it('is a release build: debugging switches are refused (no e2e marker in the manifest)', () => {
    const app = { isPackaged: true, getAppPath: () => '' };
    expect(readBuildProfile(app, () => asar.text('package.json')).e2eBuild).toBe(false);
  });

  it('flips the release fuses in the executable', async () => {
    const wire = await getCurrentFuseWire(path.join(appDir, 'ehpc-vnc-tray'));
    const { version: _version, ...states } = wire;
    expect(states).toEqual(wireOf(releaseFuses));
  });
});

describe('the fuse profiles', () => {
  it('locks the release build down', () => {
    expect(releaseFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('opens only the inspector for the e2e build, which Playwright drives through it', () => {
    const { enableNodeCliInspectArguments, ...rest } = e2eFuses;
    const { enableNodeCliInspectArguments: releaseInspect, ...releaseRest } = releaseFuses;
    expect(enableNodeCliInspectArguments).toBe(true);
    expect(releaseInspect).toBe(false);
    expect(rest).toEqual(releaseRest);
  });

  it(`picks the profile from ${E2E_BUILD_ENV}, and electron-builder's config follows it`, async () => {
    expect(fusesFor({})).toBe(releaseFuses);
    expect(fusesFor({ [E2E_BUILD_ENV]: '0' })).toBe(releaseFuses);
    expect(fusesFor({ [E2E_BUILD_ENV]: '1' })).toBe(e2eFuses);

    // The config is read fresh in a child, the way electron-builder reads it.
    const configFuses = async (value: string): Promise<unknown> => {
      const script =
        'process.stdout.write(JSON.stringify(require("./electron-builder.config.cjs").electronFuses))';
      let out = '';
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ['-e', script], {
          cwd: ROOT,
          env: { ...process.env, [E2E_BUILD_ENV]: value },
        });
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
      });
      return JSON.parse(out);
    };
    expect(await configFuses('')).toEqual(releaseFuses);
    expect(await configFuses('1')).toEqual(e2eFuses);
  });
});
