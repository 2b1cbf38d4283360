// The settings store on real files in throwaway folders, through the real conf.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../main/core/app-error';
import { APP_NAME, configDir } from '../../main/core/config-dir';
import {
  SETTINGS_FILE_NAME,
  Settings,
  settingsFilePath,
  settingsStoreOptions,
  type SettingsData,
} from '../../main/core/settings';
import { defaultSettings, MAX_RECENT_CLUSTERS } from '../../main/core/settings-schema';
import type { ClusterSummary } from '../../preload/shared/contract';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehpc-settings-'));
});

afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

const file = (): string => path.join(dir, 'settings.json');
const readFile = (): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(file(), 'utf8')) as Record<string, unknown>;
const backups = (): string[] => fs.readdirSync(dir).filter((f) => f.includes('.corrupt-'));

function openWithWarnings(): { settings: Settings; warnings: string[] } {
  const warnings: string[] = [];
  const settings = Settings.open({ dir, onWarning: (m) => warnings.push(m) });
  return { settings, warnings };
}

function expectAppError(run: () => unknown, code: string): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return error as AppError;
  }
  throw new Error(`expected AppError ${code}, nothing was thrown`);
}

const cluster = (id: string, regionId = 'cn-hangzhou'): ClusterSummary => ({
  id,
  name: `name of ${id}`,
  status: 'running',
  regionId,
  nodeCount: 3,
});

describe('Settings defaults and round trip', () => {
  it('creates settings.json with the defaults and the migration version', () => {
    const { settings, warnings } = openWithWarnings();
    expect(settings.path).toBe(file());
    expect(SETTINGS_FILE_NAME).toBe('settings');
    expect(settings.get()).toEqual({
      regionId: 'cn-hangzhou',
      profile: 'default',
      language: 'system',
      recentClusterIds: [],
      clusters: {},
      ui: {},
      pendingStops: [],
      autoStop: {
        onQuit: 'off',
        scope: 'selected',
        onLock: false,
        onSuspend: false,
        onShutdown: false,
        idleMinutes: 0,
        launchAtLogin: false,
      },
      exposure: { watchMinutes: 10 },
      confirmedCidrs: {},
      connect: { detectUrl: '', rememberVncPassword: false },
    } satisfies SettingsData);
    expect(readFile()).toMatchObject({ regionId: 'cn-hangzhou', language: 'system' });
    expect(readFile().__internal__).toEqual({ migrations: { version: '0.1.0' } });
    expect(warnings).toEqual([]);
  });

  it('returns copies: changing what get() returned changes nothing stored', () => {
    const { settings } = openWithWarnings();
    const copy = settings.get();
    copy.recentClusterIds.push('ehpc-hz-x');
    copy.regionId = 'cn-beijing';
    expect(settings.get()).toEqual(defaultSettings());
  });

  it('keeps every kind of value across a reopen', async () => {
    const { settings } = openWithWarnings();
    settings.update({ regionId: 'cn-shanghai', language: 'zh-CN', ui: { lastView: 'clusters' } });
    settings.rememberCluster('ehpc-sh-one', { cidrIp: '203.0.113.0/24', runasUser: 'alice' });
    settings.selectCluster('ehpc-sh-one');
    await settings.clusterCache.set('cn-shanghai', {
      clusters: [cluster('ehpc-sh-one', 'cn-shanghai')],
      totalCount: 1,
      fetchedAt: '2025-01-02T03:04:05.000Z',
    });
    settings.addPendingStop({
      clusterId: 'ehpc-sh-one',
      regionId: 'cn-shanghai',
      cidrIp: '203.0.113.0/24',
      requestedAt: '2025-01-02T03:04:06.000Z',
    });
    settings.recordPendingStopAttempt('ehpc-sh-one', 'Network timeout.');
    settings.update({
      autoStop: { ...settings.get().autoStop, onQuit: 'all', scope: 'all', idleMinutes: 30 },
    });

    const reopened = Settings.open({ dir });
    const data = reopened.get();
    expect(data.regionId).toBe('cn-shanghai');
    expect(data.language).toBe('zh-CN');
    expect(data.ui).toEqual({ lastView: 'clusters' });
    expect(data.selectedClusterId).toBe('ehpc-sh-one');
    expect(data.recentClusterIds).toEqual(['ehpc-sh-one']);
    expect(data.clusters).toEqual({
      'ehpc-sh-one': { cidrIp: '203.0.113.0/24', runasUser: 'alice' },
    });
    expect(reopened.clusterCache.get('cn-shanghai')).toEqual({
      clusters: [cluster('ehpc-sh-one', 'cn-shanghai')],
      totalCount: 1,
      fetchedAt: '2025-01-02T03:04:05.000Z',
    });
    expect(reopened.clusterCache.get('cn-beijing')).toBeUndefined();
    expect(reopened.pendingStops()).toEqual([
      {
        clusterId: 'ehpc-sh-one',
        regionId: 'cn-shanghai',
        cidrIp: '203.0.113.0/24',
        requestedAt: '2025-01-02T03:04:06.000Z',
        attempts: 1,
        lastError: 'Network timeout.',
      },
    ]);
    expect(data.autoStop).toMatchObject({
      onQuit: 'all',
      scope: 'all',
      idleMinutes: 30,
      onLock: false,
    });
    expect(reopened.removePendingStop('ehpc-sh-one')).toBe(true);
    expect(reopened.removePendingStop('ehpc-sh-one')).toBe(false);
    expect(Settings.open({ dir }).pendingStops()).toEqual([]);
  });

  it('keeps recent clusters most recent first, without duplicates, at most eight', () => {
    const { settings } = openWithWarnings();
    for (let i = 1; i <= 10; i++) settings.selectCluster(`ehpc-hz-${i}`);
    settings.selectCluster('ehpc-hz-5');
    const { recentClusterIds, selectedClusterId } = settings.get();
    expect(selectedClusterId).toBe('ehpc-hz-5');
    expect(recentClusterIds).toEqual([
      'ehpc-hz-5',
      'ehpc-hz-10',
      'ehpc-hz-9',
      'ehpc-hz-8',
      'ehpc-hz-7',
      'ehpc-hz-6',
      'ehpc-hz-4',
      'ehpc-hz-3',
    ]);
    expect(recentClusterIds).toHaveLength(MAX_RECENT_CLUSTERS);
  });

  it('merges remembered cluster fields and forgets one given as undefined', () => {
    const { settings } = openWithWarnings();
    settings.rememberCluster('ehpc-hz-a', { cidrIp: '198.51.100.7' });
    settings.rememberCluster('ehpc-hz-a', { runasUser: 'bob' });
    expect(settings.get().clusters['ehpc-hz-a']).toEqual({
      cidrIp: '198.51.100.7',
      runasUser: 'bob',
    });
    settings.rememberCluster('ehpc-hz-a', { cidrIp: undefined });
    expect(settings.get().clusters['ehpc-hz-a']).toEqual({ runasUser: 'bob' });
    settings.selectCluster('ehpc-hz-a');
    settings.forgetCluster('ehpc-hz-a');
    const after = settings.get();
    expect(after.clusters).toEqual({});
    expect(after.selectedClusterId).toBeUndefined();
    expect(after.recentClusterIds).toEqual([]);
    expect(readFile()).not.toHaveProperty('selectedClusterId');
  });
});

describe('Settings accept only typed, non-secret fields', () => {
  it('drops keys that are not settings, at the top and inside clusters', () => {
    const { settings } = openWithWarnings();
    const sneaky = { regionId: 'cn-beijing', accessKeySecret: 'very-secret-value' };
    settings.update(sneaky as Partial<SettingsData>);
    const withPassword = { runasUser: 'carol', runasPassword: 'hunter2-secret' };
    settings.rememberCluster('ehpc-bj-1', withPassword);
    settings.update({ ui: { lastView: 'x', token: 'tok-secret' } as SettingsData['ui'] });
    const text = fs.readFileSync(file(), 'utf8');
    expect(text).not.toContain('secret');
    expect(text).not.toContain('runasPassword');
    expect(settings.get().regionId).toBe('cn-beijing');
    expect(settings.get().clusters['ehpc-bj-1']).toEqual({ runasUser: 'carol' });
  });

  it('refuses invalid values with InvalidInput and leaves the file as it was', () => {
    const { settings } = openWithWarnings();
    const before = fs.readFileSync(file(), 'utf8');
    const error = expectAppError(
      () => settings.rememberCluster('ehpc-hz-a', { cidrIp: '300.1.1.1/40' }),
      'InvalidInput',
    );
    expect(error.message).not.toContain('300.1.1.1');
    expectAppError(() => settings.update({ language: 'fr' as 'en' }), 'InvalidInput');
    expectAppError(() => settings.selectCluster('bad id; rm -rf /'), 'InvalidInput');
    expect(fs.readFileSync(file(), 'utf8')).toBe(before);
  });
});

describe('Two instances on one file (app and CLI)', () => {
  it('each sees the other’s writes at once', () => {
    const app = Settings.open({ dir });
    const cli = Settings.open({ dir });
    app.selectCluster('ehpc-hz-app');
    expect(cli.get().selectedClusterId).toBe('ehpc-hz-app');
    cli.rememberCluster('ehpc-hz-app', { cidrIp: '192.0.2.1' });
    cli.update({ regionId: 'cn-shenzhen' });
    expect(app.get().clusters['ehpc-hz-app']).toEqual({ cidrIp: '192.0.2.1' });
    expect(app.get().regionId).toBe('cn-shenzhen');
    app.selectCluster('ehpc-hz-two');
    // The app's write started from the file, so the CLI's changes are still there.
    expect(cli.get()).toMatchObject({
      regionId: 'cn-shenzhen',
      selectedClusterId: 'ehpc-hz-two',
      recentClusterIds: ['ehpc-hz-two', 'ehpc-hz-app'],
    });
  });
});

describe('Migration', () => {
  it('brings a development-build file to the 0.1.0 shape and drops unknown keys', () => {
    fs.writeFileSync(
      file(),
      JSON.stringify({
        region: 'cn-shanghai',
        lastClusterId: 'ehpc-sh-old',
        cidrByCluster: { 'ehpc-sh-old': '203.0.113.9/32' },
        recentClusterIds: ['ehpc-sh-old'],
        accessKeyId: 'LTAI5tOldDevBuildKey',
        accessKeySecret: 'old-dev-build-secret',
      }),
    );
    const { settings, warnings } = openWithWarnings();
    expect(warnings).toEqual([]);
    expect(settings.get()).toEqual({
      ...defaultSettings(),
      regionId: 'cn-shanghai',
      selectedClusterId: 'ehpc-sh-old',
      recentClusterIds: ['ehpc-sh-old'],
      clusters: { 'ehpc-sh-old': { cidrIp: '203.0.113.9/32' } },
    });
    const onDisk = readFile();
    expect(onDisk).not.toHaveProperty('accessKeySecret');
    expect(onDisk).not.toHaveProperty('accessKeyId');
    expect(onDisk).not.toHaveProperty('region');
    expect(onDisk.__internal__).toEqual({ migrations: { version: '0.1.0' } });
    expect(backups()).toEqual([]);
  });

  it('accepts a file that still holds the cluster list, and leaves the list out of the next write', () => {
    const { settings } = openWithWarnings();
    settings.update({ language: 'en' });
    // Development builds of 0.1.0 cached the cluster list in settings.json.
    const onDisk = readFile();
    onDisk.clusterCache = {
      'cn-hangzhou': { fetchedAt: '2026-01-01T00:00:00.000Z', totalCount: 1, clusters: [] },
    };
    fs.writeFileSync(file(), JSON.stringify(onDisk));

    const { settings: reopened, warnings } = openWithWarnings();
    expect(warnings).toEqual([]);
    expect(backups()).toEqual([]);
    expect(reopened.get()).toEqual({ ...defaultSettings(), language: 'en' });
    reopened.update({ language: 'zh-CN' });
    expect(readFile()).not.toHaveProperty('clusterCache');
    expect(readFile().language).toBe('zh-CN');
  });

  it('fills nested fields added later (autoStop keys) from their defaults', () => {
    const { settings } = openWithWarnings();
    settings.update({ language: 'en' });
    const onDisk = readFile();
    onDisk.autoStop = { onQuit: 'selected' };
    fs.writeFileSync(file(), JSON.stringify(onDisk));
    const data = Settings.open({ dir }).get();
    expect(data.language).toBe('en');
    expect(data.autoStop).toEqual({ ...defaultSettings().autoStop, onQuit: 'selected' });
  });

  it('gives files from before the scope setting the scope their onQuit implied', () => {
    const { settings } = openWithWarnings();
    settings.update({ language: 'en' });
    const withoutScope = (autoStop: Record<string, unknown>) => {
      const onDisk = readFile();
      onDisk.autoStop = autoStop;
      fs.writeFileSync(file(), JSON.stringify(onDisk));
    };

    // Quitting stopped all clusters, so locking, sleeping… did too: they still do.
    withoutScope({ ...defaultSettings().autoStop, onQuit: 'all', onLock: true, scope: undefined });
    expect(readFile().autoStop).not.toHaveProperty('scope');
    const { settings: reopened, warnings } = openWithWarnings();
    expect(warnings).toEqual([]);
    expect(reopened.get().autoStop).toMatchObject({ onQuit: 'all', onLock: true, scope: 'all' });
    // Written out with the next change, explicit from then on.
    reopened.update({ language: 'zh-CN' });
    expect(readFile().autoStop).toMatchObject({ onQuit: 'all', scope: 'all' });
    reopened.update({ autoStop: { ...reopened.get().autoStop, onQuit: 'off' } });
    expect(Settings.open({ dir }).get().autoStop).toMatchObject({ onQuit: 'off', scope: 'all' });

    for (const onQuit of ['off', 'selected']) {
      withoutScope({ onQuit, idleMinutes: 15 });
      expect(Settings.open({ dir }).get().autoStop, onQuit).toMatchObject({
        onQuit,
        idleMinutes: 15,
        scope: 'selected',
      });
    }
    expect(backups()).toEqual([]);
  });
});

describe('A bad file is kept aside and replaced by defaults', () => {
  it('bad JSON', () => {
    fs.writeFileSync(file(), '{"regionId": "cn-beijing",');
    const { settings, warnings } = openWithWarnings();
    expect(settings.get()).toEqual(defaultSettings());
    const [backup, ...more] = backups();
    expect(more).toEqual([]);
    expect(backup).toMatch(/^settings\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(fs.readFileSync(path.join(dir, backup as string), 'utf8')).toBe(
      '{"regionId": "cn-beijing",',
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('not valid JSON');
    expect(warnings[0]).toContain(backup);
    expect(readFile()).toMatchObject({ regionId: 'cn-hangzhou' });
  });

  it('JSON that fails the schema (a migrated file with a wrong type)', () => {
    const { settings: first } = openWithWarnings();
    first.update({ regionId: 'cn-beijing' });
    const onDisk = readFile();
    onDisk.language = 'klingon';
    onDisk.recentClusterIds = 'ehpc-hz-a';
    const text = JSON.stringify(onDisk);
    fs.writeFileSync(file(), text);

    const { settings, warnings } = openWithWarnings();
    expect(settings.get()).toEqual(defaultSettings());
    expect(backups()).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, backups()[0] as string), 'utf8')).toBe(text);
    expect(warnings).toEqual([expect.stringContaining('does not fit the expected format')]);
  });

  it('a file with a key the schema does not know', () => {
    const { settings: first } = openWithWarnings();
    first.update({ regionId: 'cn-beijing' });
    fs.writeFileSync(file(), JSON.stringify({ ...readFile(), password: 'x' }));
    const { settings, warnings } = openWithWarnings();
    expect(settings.get()).toEqual(defaultSettings());
    expect(backups()).toHaveLength(1);
    expect(warnings).toHaveLength(1);
  });

  it('a file broken after opening (by hand or by another process) is recovered on the next read', () => {
    const { settings, warnings } = openWithWarnings();
    settings.update({ regionId: 'cn-beijing' });
    fs.writeFileSync(file(), 'not json at all');
    expect(settings.get()).toEqual(defaultSettings());
    expect(warnings).toHaveLength(1);
    expect(backups()).toHaveLength(1);
    settings.update({ regionId: 'cn-qingdao' });
    expect(Settings.open({ dir }).get().regionId).toBe('cn-qingdao');
  });

  it('a CIDR the JSON Schema cannot check is caught by the typed schema', () => {
    const { settings: first } = openWithWarnings();
    first.rememberCluster('ehpc-hz-a', { cidrIp: '10.0.0.1' });
    const onDisk = readFile() as { clusters: Record<string, { cidrIp: string }> };
    (onDisk.clusters['ehpc-hz-a'] as { cidrIp: string }).cidrIp = '999.0.0.1';
    fs.writeFileSync(file(), JSON.stringify(onDisk));
    const { settings, warnings } = openWithWarnings();
    expect(settings.get()).toEqual(defaultSettings());
    expect(warnings).toHaveLength(1);
    expect(backups()).toHaveLength(1);
  });
});

describe('An unwritable folder', () => {
  // Tests run as root, for whom chmod 0500 stops nothing. A path through a regular file cannot
  // be created or written by anyone, root included, so that is what stands in for it here.
  it('fails to open with SettingsUnwritable', () => {
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'a regular file');
    const error = expectAppError(
      () => Settings.open({ dir: path.join(blocker, 'config') }),
      'SettingsUnwritable',
    );
    expect(error.message).toContain(path.join(blocker, 'config', 'settings.json'));
    expect(error.action).toContain('EHPC_VNC_CONFIG_DIR');
  });

  it('fails to write with SettingsUnwritable when the folder goes away under it', () => {
    const sub = path.join(dir, 'cfg');
    const settings = Settings.open({ dir: sub });
    settings.update({ regionId: 'cn-beijing' });
    fs.rmSync(sub, { recursive: true });
    fs.writeFileSync(sub, 'now a file');
    expectAppError(() => settings.update({ regionId: 'cn-qingdao' }), 'SettingsUnwritable');
    expectAppError(() => settings.get(), 'SettingsUnwritable');
  });
});

describe('Where the file lives', () => {
  it('EHPC_VNC_CONFIG_DIR overrides the folder for Settings.open()', () => {
    vi.stubEnv('EHPC_VNC_CONFIG_DIR', path.join(dir, 'override'));
    const settings = Settings.open();
    settings.update({ language: 'en' });
    expect(settings.path).toBe(path.join(dir, 'override', 'settings.json'));
    expect(JSON.parse(fs.readFileSync(settings.path, 'utf8'))).toMatchObject({ language: 'en' });
  });

  it('a relative override is made absolute (electron-store would read it against userData)', () => {
    const resolved = configDir({ EHPC_VNC_CONFIG_DIR: 'rel/cfg' }, 'linux', '/home/u');
    expect(resolved).toBe(path.resolve('rel/cfg'));
    expect(settingsStoreOptions('rel/cfg').cwd).toBe(path.resolve('rel/cfg'));
    expect(settingsFilePath('rel/cfg')).toBe(path.resolve('rel/cfg', 'settings.json'));
  });

  it('matches Electron’s userData folder on each platform', () => {
    expect(APP_NAME).toBe('E-HPC VNC Tray');
    expect(configDir({}, 'linux', '/home/u')).toBe('/home/u/.config/E-HPC VNC Tray');
    expect(configDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/E-HPC VNC Tray');
    expect(configDir({ XDG_CONFIG_HOME: '' }, 'linux', '/home/u')).toBe(
      '/home/u/.config/E-HPC VNC Tray',
    );
    expect(configDir({}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/E-HPC VNC Tray',
    );
    expect(configDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\E-HPC VNC Tray',
    );
    expect(configDir({}, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\E-HPC VNC Tray',
    );
    expect(configDir({ EHPC_VNC_CONFIG_DIR: '/opt/cfg' }, 'darwin', '/Users/u')).toBe('/opt/cfg');
  });

  it('names the file settings.json for conf and for electron-store alike', () => {
    const options = settingsStoreOptions(dir);
    expect(options).toMatchObject({
      cwd: dir,
      configName: 'settings',
      name: 'settings',
      fileExtension: 'json',
      projectVersion: '0.1.0',
      clearInvalidConfig: false,
    });
    expect(Object.keys(options.migrations ?? {})).toContain('0.1.0');
  });
});
