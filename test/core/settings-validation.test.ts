// Settings are validated once, with zod: the store (conf here, electron-store in the app, conf
// underneath) gets no JSON Schema, so no ajv validator is compiled at start-up (that cost 60-90
// ms). On real files, through the real conf.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  Settings,
  settingsStoreOptions,
  type SettingsStoreOptions,
} from '../../main/core/settings';
import { defaultSettings, parseSettingsFile } from '../../main/core/settings-schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The ajv conf itself loads (`ajv/dist/2020.js`, resolved from conf's folder): the same class.
const fromConf = createRequire(path.join(root, 'node_modules/conf/package.json'));
const { Ajv2020 } = fromConf('ajv/dist/2020.js') as {
  Ajv2020: { prototype: { compile: unknown } };
};

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehpc-settings-validation-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const file = (): string => path.join(dir, 'settings.json');

describe('No validator is compiled when settings open', () => {
  it('opening, reading and writing never compile an ajv schema', () => {
    const compile = vi.spyOn(Ajv2020.prototype as { compile: () => unknown }, 'compile');
    const settings = Settings.open({ dir });
    settings.update({ regionId: 'cn-beijing' });
    settings.rememberCluster('ehpc-bj-1', { cidrIp: '192.0.2.0/24' });
    expect(Settings.open({ dir }).get().regionId).toBe('cn-beijing');
    expect(compile).not.toHaveBeenCalled();

    // The spy does see conf compile one, the moment a schema is given: the check above can fail.
    new Conf({ cwd: path.join(dir, 'control'), schema: { a: { type: 'string' } } });
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it('gives the store no schema, rootSchema or ajvOptions (each makes conf compile one)', () => {
    const given: SettingsStoreOptions[] = [];
    Settings.open({
      dir,
      createStore: (options) => {
        given.push(options);
        return new Conf(options);
      },
    });
    expect(given).toHaveLength(1);
    for (const options of [settingsStoreOptions(dir), ...given]) {
      expect(options).not.toHaveProperty('schema');
      expect(options).not.toHaveProperty('rootSchema');
      expect(options).not.toHaveProperty('ajvOptions');
    }
  });
});

describe('The file is checked with zod alone, as strictly as before', () => {
  const withCluster = (entry: Record<string, unknown>) => ({
    ...defaultSettings(),
    clusters: { 'ehpc-hz-a': entry },
  });

  it('accepts what it writes, conf’s bookkeeping and the legacy cluster list', () => {
    expect(parseSettingsFile(defaultSettings())).toEqual({ ok: true, data: defaultSettings() });
    const legacy = {
      ...defaultSettings(),
      __internal__: { migrations: { version: '0.1.0' } },
      clusterCache: {},
    };
    expect(parseSettingsFile(legacy)).toEqual({ ok: true, data: defaultSettings() });
  });

  it('refuses a key it does not know at any depth, which a write would drop', () => {
    expect(parseSettingsFile({ ...defaultSettings(), password: 'x' })).toMatchObject({ ok: false });
    expect(parseSettingsFile(withCluster({ runasUser: 'bob' }))).toMatchObject({ ok: true });
    expect(parseSettingsFile(withCluster({ runasUser: 'bob', runasPassword: 'x' }))).toEqual({
      ok: false,
      problems: 1,
    });
    const pending = {
      clusterId: 'ehpc-hz-a',
      regionId: 'cn-hangzhou',
      requestedAt: '2026-01-01T00:00:00.000Z',
      attempts: 0,
    };
    const journal = (entry: Record<string, unknown>) => ({
      ...defaultSettings(),
      pendingStops: [entry],
    });
    expect(parseSettingsFile(journal(pending))).toMatchObject({ ok: true });
    expect(parseSettingsFile(journal({ ...pending, secret: 's' }))).toMatchObject({ ok: false });
    expect(parseSettingsFile({ ...defaultSettings(), ui: { token: 't' } })).toMatchObject({
      ok: false,
    });
  });

  it('sets aside a file with an unknown key inside a cluster, and says so once', () => {
    Settings.open({ dir }).rememberCluster('ehpc-hz-a', { runasUser: 'bob' });
    const onDisk = JSON.parse(fs.readFileSync(file(), 'utf8')) as {
      clusters: Record<string, Record<string, unknown>>;
    };
    (onDisk.clusters['ehpc-hz-a'] as Record<string, unknown>).runasPassword = 'hunter2';
    fs.writeFileSync(file(), JSON.stringify(onDisk));

    const warnings: string[] = [];
    const settings = Settings.open({ dir, onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([expect.stringContaining('does not fit the expected format')]);
    expect(settings.get()).toEqual(defaultSettings());
    expect(fs.readFileSync(file(), 'utf8')).not.toContain('hunter2');
    expect(fs.readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
  });
});
