// Issue 13, item 8: the CLI as an npm tarball (what the release workflow uploads). Packed from
// dist/cli, installed with `npm i -g` into a throwaway prefix, run from there: one bundled entry
// with its chunks, keytar its only dependency (install scripts skipped here: keytar's native
// module is not needed to print the version or the help, and this machine builds no addons).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('the CLI tarball', () => {
  let dir: string;
  let tarball: string;

  beforeAll(async () => {
    if (!existsSync('dist/cli/package.json'))
      throw new Error('dist/cli is missing: run `npm run build` first.');
    dir = await mkdtemp(join(tmpdir(), 'ehpc-cli-pack-'));
    execFileSync('npm', ['pack', resolve('dist/cli'), '--pack-destination', dir], {
      stdio: 'pipe',
    });
    tarball = join(dir, `ehpc-vnc-${VERSION}.tgz`);
  }, 60_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('holds the bundled CLI and depends on keytar alone', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(files).toContain('package/ehpc-vnc.cjs');
    expect(files).toContain('package/ehpc-vnc.mjs');
    expect(files.some((f) => f.startsWith('package/chunks/'))).toBe(true);
    expect(files.some((f) => f.includes('node_modules'))).toBe(false);
    const pkg = JSON.parse(
      execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
    ) as { bin: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.bin).toEqual({ 'ehpc-vnc': 'ehpc-vnc.cjs' });
    expect(Object.keys(pkg.dependencies)).toEqual(['keytar']);
  });

  it('installs with npm i -g and runs', () => {
    const prefix = join(dir, 'prefix');
    execFileSync(
      'npm',
      [
        'i',
        '-g',
        '--prefix',
        prefix,
        '--ignore-scripts',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        tarball,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const bin = join(prefix, 'bin', 'ehpc-vnc');
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' })).toBe(`${VERSION}\n`);
    expect(execFileSync(bin, ['--help'], { encoding: 'utf8' })).toMatch(/Usage: ehpc-vnc/);
    // Past the launcher: the ES module entry and its chunks (an error needs the registry).
    expect(() => execFileSync(bin, ['completion', 'tcsh'], { stdio: 'pipe' })).toThrow(
      expect.objectContaining({ status: 2 }) as Error,
    );
    expect(execFileSync(bin, ['completion', 'bash'], { encoding: 'utf8' })).toContain('complete');
  }, 150_000);
});
