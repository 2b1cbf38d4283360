// The settings folder and its files are the user's alone, and a symbolic link in place of a file
// is refused, never followed: on real files, through the real conf, and through the built CLI.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/app-error';
import { CLUSTER_CACHE_FILE_NAME } from '../../main/core/cluster-cache';
import { Settings } from '../../main/core/settings';
import type { CachedClusterList } from '../../main/core/settings-schema';

const run = promisify(execFile);
const CLI = path.resolve('dist/cli/ehpc-vnc.mjs');
const posix = process.platform !== 'win32';

let work: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ehpc-settings-files-'));
});
afterEach(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

const modeOf = (p: string): number => fs.statSync(p).mode & 0o777;
const list: CachedClusterList = {
  fetchedAt: '2026-01-01T00:00:00.000Z',
  totalCount: 1,
  clusters: [{ id: 'ehpc-hz-1', name: 'one', status: 'running', regionId: 'cn-hangzhou' }],
};

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal, nothing was thrown');
}

/** A file outside the settings folder, and its exact state, to prove it is left alone. */
function bystander(name: string): { path: string; unchanged: () => void } {
  const target = path.join(work, name);
  fs.writeFileSync(target, '{"mine": "not settings"}');
  const before = fs.statSync(target);
  return {
    path: target,
    unchanged: () => {
      expect(fs.readFileSync(target, 'utf8')).toBe('{"mine": "not settings"}');
      const after = fs.statSync(target);
      expect(after.mtimeMs).toBe(before.mtimeMs);
      expect(after.mode).toBe(before.mode);
    },
  };
}

describe.skipIf(!posix)('Modes: 0700 folder, 0600 files', () => {
  it('creates the folder 0700 and writes settings, the journal and the cache 0600', async () => {
    const dir = path.join(work, 'new', 'cfg');
    const settings = Settings.open({ dir });
    settings.addPendingStop({ clusterId: 'ehpc-hz-1', regionId: 'cn-hangzhou' });
    await settings.clusterCache.set('cn-hangzhou', list);
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(dir, 'settings.json'))).toBe(0o600);
    expect(modeOf(path.join(dir, CLUSTER_CACHE_FILE_NAME))).toBe(0o600);
    expect(settings.pendingStops()).toHaveLength(1);
  });

  it('tightens a folder and files an older version left readable to others (0755, 0644)', () => {
    const dir = path.join(work, 'cfg');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    Settings.open({ dir }).update({ regionId: 'cn-beijing' });
    fs.writeFileSync(path.join(dir, CLUSTER_CACHE_FILE_NAME), '{}');
    for (const f of ['settings.json', CLUSTER_CACHE_FILE_NAME]) {
      fs.chmodSync(path.join(dir, f), 0o644);
    }
    fs.chmodSync(dir, 0o755);

    const warnings: string[] = [];
    const settings = Settings.open({ dir, onWarning: (m) => warnings.push(m) });
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(dir, 'settings.json'))).toBe(0o600);
    expect(modeOf(path.join(dir, CLUSTER_CACHE_FILE_NAME))).toBe(0o600);
    expect(settings.get().regionId).toBe('cn-beijing');
    expect(warnings).toEqual([]);
  });

  it('the CLI does the same', async () => {
    expect(fs.existsSync(CLI), 'run `node scripts/build.mjs cli` first').toBe(true);
    const dir = path.join(work, 'cli-cfg');
    const { stdout } = await run(process.execPath, [CLI, 'pending'], {
      env: { ...process.env, EHPC_VNC_CONFIG_DIR: dir },
    });
    expect(stdout).toBe('No pending stops.\n');
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(dir, 'settings.json'))).toBe(0o600);
  });
});

describe('A symbolic link in place of a file is refused', () => {
  const dirWithLink = (name: string, target: string): string => {
    const dir = path.join(work, 'cfg');
    fs.mkdirSync(dir, { recursive: true });
    fs.symlinkSync(target, path.join(dir, name));
    return dir;
  };

  it('at settings.json: opening fails with a sentence and what to do; the target is untouched', () => {
    const target = bystander('elsewhere.json');
    const dir = dirWithLink('settings.json', target.path);
    const error = refusal(() => Settings.open({ dir }));
    expect(error.code).toBe('SettingsFileIsSymlink');
    expect(error.message).toBe(
      `The settings file ${path.join(dir, 'settings.json')} is a symbolic link, and E-HPC VNC Tray does not follow links for its settings files.`,
    );
    expect(error.action).toMatch(/^Delete the link/);
    target.unchanged();
    expect(fs.lstatSync(path.join(dir, 'settings.json')).isSymbolicLink()).toBe(true);
  });

  it('at settings.json, dangling: nothing is created where it points', () => {
    const nowhere = path.join(work, 'would-be-created.json');
    const dir = dirWithLink('settings.json', nowhere);
    expect(refusal(() => Settings.open({ dir })).code).toBe('SettingsFileIsSymlink');
    expect(fs.existsSync(nowhere)).toBe(false);
  });

  it('at settings.json, planted after opening: reads and writes (the journal too) refuse it', () => {
    const dir = path.join(work, 'cfg');
    const settings = Settings.open({ dir });
    settings.update({ regionId: 'cn-beijing' });
    const target = bystander('elsewhere.json');
    fs.rmSync(path.join(dir, 'settings.json'));
    fs.symlinkSync(target.path, path.join(dir, 'settings.json'));

    const stop = { clusterId: 'ehpc-hz-1', regionId: 'cn-hangzhou' };
    expect(refusal(() => settings.addPendingStop(stop)).code).toBe('SettingsFileIsSymlink');
    expect(refusal(() => settings.get()).code).toBe('SettingsFileIsSymlink');
    target.unchanged();
  });

  it('at cluster-cache.json: opening fails the same way; the target is untouched', () => {
    const target = bystander('elsewhere.json');
    const dir = dirWithLink(CLUSTER_CACHE_FILE_NAME, target.path);
    const error = refusal(() => Settings.open({ dir }));
    expect(error.code).toBe('SettingsFileIsSymlink');
    expect(error.message).toContain(path.join(dir, CLUSTER_CACHE_FILE_NAME));
    target.unchanged();
  });

  it('at cluster-cache.json, planted after opening: neither read nor written through', async () => {
    const dir = path.join(work, 'cfg');
    const warnings: string[] = [];
    const settings = Settings.open({ dir, onWarning: (m) => warnings.push(m) });
    const target = bystander('elsewhere.json');
    fs.symlinkSync(target.path, path.join(dir, CLUSTER_CACHE_FILE_NAME));

    expect(settings.clusterCache.get('cn-hangzhou')).toBeUndefined();
    await settings.clusterCache.set('cn-hangzhou', list);
    // The list is still there for the caller; only the file is refused.
    expect(settings.clusterCache.get('cn-hangzhou')).toEqual(list);
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    for (const warning of warnings) expect(warning).toContain('is a symbolic link');
    target.unchanged();
  });

  it('the CLI says so and exits non-zero, leaving the target alone', async () => {
    expect(fs.existsSync(CLI), 'run `node scripts/build.mjs cli` first').toBe(true);
    const target = bystander('elsewhere.json');
    const dir = dirWithLink('settings.json', target.path);
    const failure = await run(process.execPath, [CLI, 'pending'], {
      env: { ...process.env, EHPC_VNC_CONFIG_DIR: dir },
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('is a symbolic link');
    expect(failure?.stderr).toContain('Delete the link');
    target.unchanged();
  });
});

describe.skipIf(!posix)('A linked settings folder', () => {
  it('is allowed (dotfiles setups link ~/.config), and its target is made private', () => {
    const real = path.join(work, 'real-cfg');
    fs.mkdirSync(real, { mode: 0o755 });
    fs.chmodSync(real, 0o755);
    const linked = path.join(work, 'linked-cfg');
    fs.symlinkSync(real, linked);
    Settings.open({ dir: linked }).update({ regionId: 'cn-beijing' });
    expect(modeOf(real)).toBe(0o700);
    expect(modeOf(path.join(real, 'settings.json'))).toBe(0o600);
  });
});
