// Dependencies' install scripts never run: `.npmrc` says `ignore-scripts=true` (CI also passes
// --ignore-scripts), and the one native module we need is built from source by
// scripts/native.mjs. A new dependency that comes with an install script fails here until
// someone decides, and writes down below, what happens without it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every dependency with an install script, and why we can do without running it. */
const INSTALL_SCRIPTS: Record<string, string> = {
  keytar:
    'the OS keychain binding; its script downloads a prebuilt binary (prebuild-install) the ' +
    'lockfile does not pin. scripts/native.mjs builds it from source with node-gyp instead.',
  esbuild:
    'its postinstall only checks and hard-links the binary of its platform package ' +
    '(@esbuild/<os>-<arch>, an optional dependency in the lockfile), which works without it.',
  'electron-winstaller':
    'picks a 7-Zip binary for Squirrel.Windows installers; we build NSIS installers only.',
};

interface LockPackage {
  hasInstallScript?: boolean;
}

function packagesWithInstallScripts(): string[] {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockPackage>;
  };
  const names = Object.entries(lock.packages)
    .filter(([, pkg]) => pkg.hasInstallScript === true)
    .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length));
  return [...new Set(names)].sort();
}

describe('install scripts', () => {
  it('are off for every npm command run in the project', () => {
    const npmrc = readFileSync(path.join(ROOT, '.npmrc'), 'utf8');
    expect(npmrc).toMatch(/^ignore-scripts=true$/m);
    expect(readFileSync(path.join(ROOT, '.ci/run'), 'utf8')).toMatch(/npm ci --ignore-scripts/);
  });

  it('exist only in dependencies whose scripts we know we do not need', () => {
    expect(
      packagesWithInstallScripts(),
      'a dependency with an install script: say in INSTALL_SCRIPTS what happens without it',
    ).toEqual(Object.keys(INSTALL_SCRIPTS).sort());
  });

  it('leave no stale allowScripts list in package.json (npm does not enforce it)', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as object;
    expect(pkg).not.toHaveProperty('allowScripts');
  });
});
