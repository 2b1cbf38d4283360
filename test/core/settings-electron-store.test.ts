// The app's side of the shared file: the real electron-store (over the real conf) in its own
// Node process, next to the CLI's conf in this one. Electron's binary is not installed here, so
// the child resolves `electron` to a stand-in that answers the two questions electron-store
// asks (userData and the app version); everything else is the real code on real files.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type ElectronStore from 'electron-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  Settings,
  settingsStoreOptions,
  type KeyValueStore,
  type SettingsData,
} from '../../main/core/settings';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Compile-time proof that the shell's `new ElectronStore(settingsStoreOptions(dir))` and
// `new Settings(store)` type-check.
type AppStoreOptions = ConstructorParameters<typeof ElectronStore<SettingsData>>[0];
const _optionsFit = (dir: string): AppStoreOptions => settingsStoreOptions(dir);
const _storeFits = (store: ElectronStore<SettingsData>): KeyValueStore => store;

let work: string;

function writeChildFiles(): { script: string; register: string } {
  const stub = path.join(work, 'electron-stub.mjs');
  fs.writeFileSync(
    stub,
    `export default {
  app: { getPath: () => process.env.STUB_USER_DATA, getVersion: () => '9.9.9' },
  ipcMain: { on() {} },
  shell: {},
};\n`,
  );
  const hooks = path.join(work, 'hooks.mjs');
  fs.writeFileSync(
    hooks,
    `export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: ${JSON.stringify(pathToFileURL(stub).href)}, shortCircuit: true };
  return next(specifier, context);
}\n`,
  );
  const register = path.join(work, 'register.mjs');
  fs.writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  const script = path.join(work, 'app.mts');
  const electronStore = pathToFileURL(path.join(root, 'node_modules/electron-store/index.js')).href;
  const settingsModule = pathToFileURL(path.join(root, 'main/core/settings.ts')).href;
  fs.writeFileSync(
    script,
    `import ElectronStore from ${JSON.stringify(electronStore)};
import { Settings } from ${JSON.stringify(settingsModule)};
const [dir, action, arg] = process.argv.slice(2);
const warnings = [];
const settings = Settings.open({ dir, createStore: (o) => new ElectronStore(o), onWarning: (m) => warnings.push(m) });
if (action === 'select') settings.selectCluster(arg);
if (action === 'region') settings.update({ regionId: arg });
process.stdout.write(JSON.stringify({ path: settings.path, data: settings.get(), warnings }));
`,
  );
  return { script, register };
}

interface AppAnswer {
  path: string;
  data: SettingsData;
  warnings: string[];
}

async function runApp(dir: string, action = 'read', arg = ''): Promise<AppAnswer> {
  const { script, register } = writeChildFiles();
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--import', register, script, dir, action, arg],
    { cwd: root, env: { ...process.env, STUB_USER_DATA: path.join(work, 'userData') } },
  );
  return JSON.parse(stdout) as AppAnswer;
}

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ehpc-estore-'));
});

afterEach(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe('electron-store (app) and conf (CLI) on one settings.json', () => {
  it('use the same file, not userData/config.json, and see each other’s writes', async () => {
    const dir = path.join(work, 'cfg');
    const cli = Settings.open({ dir });
    cli.rememberCluster('ehpc-hz-cli', { runasUser: 'alice' });
    cli.selectCluster('ehpc-hz-cli');

    const app = await runApp(dir, 'select', 'ehpc-hz-app');
    expect(app.path).toBe(path.join(dir, 'settings.json'));
    expect(app.warnings).toEqual([]);
    expect(app.data.clusters).toEqual({ 'ehpc-hz-cli': { runasUser: 'alice' } });
    expect(app.data.recentClusterIds).toEqual(['ehpc-hz-app', 'ehpc-hz-cli']);

    expect(cli.get().selectedClusterId).toBe('ehpc-hz-app');
    cli.update({ regionId: 'cn-beijing' });
    expect((await runApp(dir)).data.regionId).toBe('cn-beijing');

    expect(fs.existsSync(path.join(work, 'userData'))).toBe(false);
    // Our version, not Electron's, is what the migrations are recorded against.
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')) as {
      __internal__: unknown;
    };
    expect(onDisk.__internal__).toEqual({ migrations: { version: '0.1.0' } });
  });

  it('the app recovers a corrupt file the same way the CLI does', async () => {
    const dir = path.join(work, 'cfg');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'settings.json'), '{ broken');
    const app = await runApp(dir, 'region', 'cn-qingdao');
    expect(app.warnings).toEqual([expect.stringContaining('not valid JSON')]);
    expect(app.data.regionId).toBe('cn-qingdao');
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('settings.json.corrupt-'))).toHaveLength(
      1,
    );
    expect(Settings.open({ dir }).get().regionId).toBe('cn-qingdao');
  });
});
