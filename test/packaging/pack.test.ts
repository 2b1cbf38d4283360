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
import { AsarContents, bareImports, relativeImports } from './asar-contents';
import { writeStandInElectron } from './stand-in-electron';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

/**
 * app.asar measured 2.2 MB when this budget was set: the bundled main process (~1.9 MB: zod,
 * conf's ajv, the SDK's chunk), the renderer (~0.3 MB) and keytar's loader (its native module is
 * unpacked beside the archive). Before the main process was bundled it was 17.7 MB of
 * node_modules, mostly never loaded. A dependency that drags in something large fails here.
 */
const ASAR_BUDGET_BYTES = 3_000_000;

/**
 * Heavy code that once came with the SDK (a second @alicloud/tea-util with
 * @darabonba/typescript) and that no code path of ours needs: neither as a package nor bundled
 * in. Each with a string only its code contains, in case the bundle's path comments go.
 */
const NEVER_BUNDLED: Record<string, string> = {
  moment: 'moment construction falls back to js Date()',
  'moment-timezone': 'moment-timezone',
  lodash: '__lodash_hash_undefined__',
  '@darabonba/typescript': '@darabonba/typescript',
};

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

/** What scripts/build.mjs leaves out of its bundles (EXTERNAL there): Electron's, and native. */
const RUN_TIME_PACKAGES = ['electron', 'keytar'];

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

  it('ships nothing but the app and keytar', () => {
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

  it('ships keytar as its only package: everything else is bundled', () => {
    expect(asar.packageDirs()).toEqual(['node_modules/keytar']);
    expect(asar.json('package.json').dependencies).toEqual({
      keytar: expect.any(String) as unknown,
    });
    for (const name of NEVER_SHIPPED) {
      expect(asar.resolvePackage('', name), `${name} must not ship`).toBeUndefined();
    }
    // What the bundles load at run time is Electron's, or keytar, which resolves in the archive.
    const bundles = [...asar.paths].filter((p) => /^dist\/main\/.*\.mjs$/.test(p));
    expect(bundles).toContain('dist/main/index.mjs');
    const imports = new Set(bundles.flatMap((file) => bareImports(asar.text(file))));
    expect([...imports].sort()).toEqual(RUN_TIME_PACKAGES);
    expect(asar.resolvePackage('', 'keytar')).toBe('node_modules/keytar');
    // keytar's loader needs nothing but its native module; its install-time tree stays out.
    const loader = 'node_modules/keytar/lib/keytar.js';
    expect(asar.json('node_modules/keytar/package.json').main).toBe('./lib/keytar.js');
    expect(bareImports(asar.text(loader))).toEqual([]);
    expect(asar.text(loader)).toContain("require('../build/Release/keytar.node')");
    // Every chunk a bundle imports is packed with it.
    for (const file of bundles) {
      const { static: eager, dynamic } = relativeImports(asar.text(file));
      for (const target of [...eager, ...dynamic]) {
        const resolved = path.posix.join(path.posix.dirname(file), target);
        expect(asar.has(resolved), `${file} imports ${target}`).toBe(true);
      }
    }
    // The sandboxed preload is one file: it may load nothing but electron.
    expect(bareImports(asar.text('dist/preload/index.cjs'))).toEqual(['electron']);
    // The bundled packages' licences travel with them, in one file.
    const licences = asar.text('dist/main/THIRD-PARTY-LICENSES.txt');
    for (const name of ['@alicloud/openapi-client', 'zod', 'conf', 'electron-store']) {
      expect(licences, name).toMatch(new RegExp(`^${name}@\\d`, 'm'));
    }
  });

  it('leaves moment, moment-timezone, lodash and the xml2js browser build out', () => {
    const size = statSync(asar.archive).size;
    console.log(
      `app.asar: ${size} bytes, ${asar.paths.size} entries (budget ${ASAR_BUDGET_BYTES})`,
    );
    expect(size).toBeLessThanOrEqual(ASAR_BUDGET_BYTES);

    const code = [...asar.paths].filter((p) => /\.(mjs|cjs|js)$/.test(p));
    expect(code.filter((p) => /(^|\/)xml2js\.bc\.js$/.test(p))).toEqual([]);
    for (const [name, marker] of Object.entries(NEVER_BUNDLED)) {
      expect(asar.resolvePackage('', name), `${name} must not ship`).toBeUndefined();
      for (const file of code) {
        const text = asar.text(file);
        expect(text.includes(`node_modules/${name}/`), `${name} bundled in ${file}`).toBe(false);
        expect(text.includes(marker), `${name} bundled in ${file}`).toBe(false);
      }
    }
    // xml2js's Node build is what the SDK's XML support uses; its browser build must not ride along.
    for (const file of code) expect(asar.text(file).includes('xml2js.bc.js'), file).toBe(false);
  });

  it('loads the SDK only at the first call: its chunk is imported dynamically, never at start-up', () => {
    const sdkChunks = [...asar.paths].filter(
      (p) =>
        p.startsWith('dist/main/') &&
        p.endsWith('.mjs') &&
        asar.text(p).includes('node_modules/@alicloud/openapi-client/'),
    );
    expect(sdkChunks.length).toBeGreaterThan(0);
    expect(sdkChunks).not.toContain('dist/main/index.mjs');
    // Everything index.mjs loads statically, transitively.
    const eager = new Set<string>();
    const visit = (file: string): void => {
      if (eager.has(file)) return;
      eager.add(file);
      for (const target of relativeImports(asar.text(file)).static) {
        visit(path.posix.join(path.posix.dirname(file), target));
      }
    };
    visit('dist/main/index.mjs');
    for (const chunk of sdkChunks) expect(eager.has(chunk), chunk).toBe(false);
    const dynamic = [...eager].flatMap((file) =>
      relativeImports(asar.text(file)).dynamic.map((t) =>
        path.posix.join(path.posix.dirname(file), t),
      ),
    );
    expect(sdkChunks.some((chunk) => dynamic.includes(chunk))).toBe(true);
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
