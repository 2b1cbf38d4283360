import { describe, expect, it } from 'vitest';
import {
  debuggingAllowed,
  debugSwitchesIn,
  debugSwitchRefusal,
  readBuildProfile,
  refuseDebugSwitches,
  type BuildProfile,
  type DebugLockdownDeps,
} from '../../main/shell/debug-switches';

const RELEASE: BuildProfile = { isPackaged: true, e2eBuild: false };
const E2E: BuildProfile = { isPackaged: true, e2eBuild: true };
const DEV: BuildProfile = { isPackaged: false, e2eBuild: false };

/** What Playwright's `_electron.launch` adds to the app's own arguments. */
const PLAYWRIGHT_ARGS = ['--inspect=0', '--remote-debugging-port=0', '--lang=en-US'];

describe('debugSwitchesIn', () => {
  it("finds Chromium's remote debugging, Node's inspector and V8 flags, however spelled", () => {
    expect(
      debugSwitchesIn(
        [
          '--remote-debugging-port=9222',
          '--remote-debugging-pipe',
          '-inspect-brk',
          '--inspect-port=0',
          '--js-flags=--allow-natives-syntax',
          '--remote-allow-origins=*',
        ],
        'linux',
      ),
    ).toEqual([
      '--remote-debugging-port',
      '--remote-debugging-pipe',
      '--inspect-brk',
      '--inspect-port',
      '--js-flags',
      '--remote-allow-origins',
    ]);
    // Windows: Chromium also takes `/switch`, in any case.
    expect(debugSwitchesIn(['/Remote-Debugging-Port=1', '--INSPECT'], 'win32')).toEqual([
      '--remote-debugging-port',
      '--inspect',
    ]);
  });

  it('leaves the app’s own switches and values alone', () => {
    expect(
      debugSwitchesIn(
        ['--stop', 'ehpc-hz-1', '--show', '--lang=en', 'inspect', '/inspect'],
        'linux',
      ),
    ).toEqual([]);
  });
});

describe('debugSwitchRefusal', () => {
  it('refuses debugging switches in a packaged release build, in English and Chinese', () => {
    const message = debugSwitchRefusal(['--remote-debugging-port'], RELEASE);
    expect(message).toMatch(
      /^E-HPC VNC Tray does not start with debugging switches \(--remote-debugging-port\)/,
    );
    expect(message).toContain('调试参数');
    expect(message?.split('\n')).toHaveLength(2);
  });

  it('lets the e2e build and development runs through, and a release without switches', () => {
    expect(debugSwitchRefusal(['--inspect', '--remote-debugging-port'], E2E)).toBeUndefined();
    expect(debugSwitchRefusal(['--inspect'], DEV)).toBeUndefined();
    expect(debugSwitchRefusal([], RELEASE)).toBeUndefined();
  });

  it('allows DevTools only where it allows the switches', () => {
    expect(debuggingAllowed(RELEASE)).toBe(false);
    expect(debuggingAllowed(E2E)).toBe(true);
    expect(debuggingAllowed(DEV)).toBe(true);
  });
});

describe('readBuildProfile', () => {
  const packaged = { isPackaged: true, getAppPath: () => '/opt/app/resources/app.asar' };

  it('reads the e2e marker from the package.json inside the app', () => {
    const read = (file: string) => {
      expect(file.replace(/\\/g, '/')).toBe('/opt/app/resources/app.asar/package.json');
      return JSON.stringify({ name: 'ehpc-vnc-tray', ehpcVncBuild: 'e2e' });
    };
    expect(readBuildProfile(packaged, read)).toEqual(E2E);
  });

  it('is a release build without the exact marker, or with an unreadable manifest', () => {
    expect(readBuildProfile(packaged, () => '{"name":"ehpc-vnc-tray"}')).toEqual(RELEASE);
    expect(readBuildProfile(packaged, () => '{"ehpcVncBuild":true}')).toEqual(RELEASE);
    expect(readBuildProfile(packaged, () => 'not json')).toEqual(RELEASE);
    expect(
      readBuildProfile(packaged, () => {
        throw new Error('ENOENT');
      }),
    ).toEqual(RELEASE);
  });

  it('never reads anything in a development run', () => {
    const app = { isPackaged: false, getAppPath: () => '/src' };
    expect(
      readBuildProfile(app, () => {
        throw new Error('read');
      }),
    ).toEqual(DEV);
  });
});

describe('refuseDebugSwitches (Electron injected)', () => {
  function run(over: {
    argv: string[];
    manifest?: object;
    isPackaged?: boolean;
    platform?: NodeJS.Platform;
    switches?: string[];
  }) {
    const errorBoxes: string[] = [];
    let stderr = '';
    const deps: DebugLockdownDeps = {
      app: {
        isPackaged: over.isPackaged ?? true,
        getAppPath: () => '/opt/app/resources/app.asar',
        commandLine: { hasSwitch: (name) => (over.switches ?? []).includes(name) },
      },
      dialog: { showErrorBox: (title, content) => errorBoxes.push(`${title}: ${content}`) },
      argv: ['/opt/app/ehpc-vnc-tray', ...over.argv],
      platform: over.platform ?? 'darwin',
      readText: () => JSON.stringify(over.manifest ?? { name: 'ehpc-vnc-tray' }),
      stderr: (text) => (stderr += text),
    };
    return { refused: refuseDebugSwitches(deps), errorBoxes, stderr };
  }

  it('a release build with Playwright’s switches says why on stderr and in an error box', () => {
    const out = run({ argv: PLAYWRIGHT_ARGS });
    expect(out.refused).toBe(true);
    expect(out.stderr).toMatch(/debugging switches \(--inspect, --remote-debugging-port\)/);
    expect(out.errorBoxes).toHaveLength(1);
    expect(out.errorBoxes[0]).toContain('E-HPC VNC Tray: E-HPC VNC Tray does not start');
  });

  it('also asks Chromium, which may have read a switch argv does not show', () => {
    expect(run({ argv: [], switches: ['remote-debugging-pipe'] }).refused).toBe(true);
  });

  it('on Linux prints once (an error box before ready would print to stderr again)', () => {
    const out = run({ argv: ['--remote-debugging-port=9222'], platform: 'linux' });
    expect(out.refused).toBe(true);
    expect(out.stderr).toContain('--remote-debugging-port');
    expect(out.errorBoxes).toEqual([]);
  });

  it('the e2e build and a development run start with Playwright’s switches', () => {
    expect(run({ argv: PLAYWRIGHT_ARGS, manifest: { ehpcVncBuild: 'e2e' } })).toEqual({
      refused: false,
      errorBoxes: [],
      stderr: '',
    });
    expect(run({ argv: PLAYWRIGHT_ARGS, isPackaged: false }).refused).toBe(false);
  });

  it('a release build without debugging switches starts, with its own switches', () => {
    expect(run({ argv: ['--stop', 'ehpc-hz-000001', '--show'] }).refused).toBe(false);
  });
});
