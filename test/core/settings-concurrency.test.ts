// Several processes (the app, the CLI in a logout hook, a second CLI) changing settings.json at
// the same instant: every change survives, because each read-modify-write holds the file's lock.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Settings } from '../../main/core/settings';

const WRITER = path.resolve('test/core/fixtures/settings-writer.ts');
const PROCESSES = 4;
const WRITES_EACH = 40;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehpc-settings-race-'));
  // Created first, as the app would have, so no writer races to create it.
  Settings.open({ dir }).update({ language: 'en' });
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Writer {
  ready: Promise<void>;
  done: Promise<{ code: number | null; stderr: string }>;
}

function startWriter(prefix: string): Writer {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', WRITER, dir, prefix, String(WRITES_EACH)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.includes('ready\n')) onReady();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      onReady();
      resolve({ code, stderr });
    }),
  );
  return { ready, done };
}

describe('settings.json shared by several processes', () => {
  it('keeps every change when processes write at the same instant', async () => {
    const prefixes = Array.from({ length: PROCESSES }, (_, i) => `ehpc-race-p${i}`);
    const writers = prefixes.map(startWriter);
    // Everyone loaded, then all start together.
    await Promise.all(writers.map((w) => w.ready));
    fs.writeFileSync(path.join(dir, 'go'), '');
    const results = await Promise.all(writers.map((w) => w.done));
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });

    const remembered = Object.keys(Settings.open({ dir }).get().clusters).sort();
    const expected = prefixes.flatMap((p) =>
      Array.from({ length: WRITES_EACH }, (_, i) => `${p}-${i}`),
    );
    expect(remembered).toEqual(expected.sort());
    // The lock is gone, and nothing was taken for a broken file.
    expect(
      fs.readdirSync(dir).filter((f) => f.includes('.lock') || f.includes('.corrupt-')),
    ).toEqual([]);
  });

  it('takes over a lock left by a process that died holding it', () => {
    const lock = path.join(dir, 'settings.json.lock');
    fs.mkdirSync(lock);
    // Older than the stale limit: its holder is gone.
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    const settings = Settings.open({ dir });
    settings.selectCluster('ehpc-hz-000001');
    expect(settings.get().selectedClusterId).toBe('ehpc-hz-000001');
    expect(fs.existsSync(lock)).toBe(false);
  });
});
