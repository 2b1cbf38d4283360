// Debugging switches, refused by packaged builds. Chromium's remote debugging and Node's
// inspector let any process of the user drive the app and read what it holds (the AccessKey,
// passwords in flight); V8 flags change how its code runs. The release fuses already ignore
// `--inspect`; Chromium's switches have no fuse, so the app refuses to start with any of them.
// Only the end-to-end build (packaged for Playwright, which launches with `--inspect=0
// --remote-debugging-port=0`) and unpackaged development runs accept them, and only they have
// DevTools. No Electron import: main/shell/index.ts passes `app` and `dialog` in.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Switch names (lower case, without dashes) that open the app to a debugger. */
export function isDebugSwitch(name: string): boolean {
  return (
    name.startsWith('remote-debugging-') ||
    name.startsWith('inspect') ||
    name === 'remote-allow-origins' ||
    name === 'js-flags'
  );
}

/** The exact names `app.commandLine.hasSwitch` is asked about, on top of reading argv. */
export const DEBUG_SWITCH_NAMES: readonly string[] = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-brk-node',
  'inspect-publish-uid',
  'js-flags',
];

/**
 * The debugging switches in `args` (argv without the executable), as Chromium would read them:
 * `--name`, `-name`, and on Windows `/name`, any case there (Chromium lowercases them).
 */
export function debugSwitchesIn(args: readonly string[], platform: NodeJS.Platform): string[] {
  const prefix = platform === 'win32' ? /^(--|-|\/)/ : /^(--|-)/;
  const found: string[] = [];
  for (const arg of args) {
    const match = prefix.exec(arg);
    if (!match) continue;
    const [name = ''] = arg.slice(match[0].length).toLowerCase().split('=');
    if (isDebugSwitch(name)) found.push(`--${name}`);
  }
  return [...new Set(found)];
}

/** What kind of build is running, as far as debugging goes. */
export interface BuildProfile {
  isPackaged: boolean;
  /**
   * The packaged end-to-end build: electron-builder writes `"ehpcVncBuild": "e2e"` into the
   * package.json inside app.asar (electron-builder.config.cjs, EHPC_VNC_E2E_BUILD=1), which
   * asar integrity protects. Nothing given at run time (a switch, a variable) can set it.
   */
  e2eBuild: boolean;
}

export const E2E_BUILD_MARKER = { ehpcVncBuild: 'e2e' } as const;

/** Reads the profile from the app's own package.json (inside app.asar when packaged). */
export function readBuildProfile(
  app: { isPackaged: boolean; getAppPath(): string },
  readText: (file: string) => string = (file) => readFileSync(file, 'utf8'),
): BuildProfile {
  if (!app.isPackaged) return { isPackaged: false, e2eBuild: false };
  let manifest: unknown;
  try {
    manifest = JSON.parse(readText(path.join(app.getAppPath(), 'package.json')));
  } catch {
    manifest = undefined;
  }
  const marker = (manifest as { ehpcVncBuild?: unknown } | undefined)?.ehpcVncBuild;
  return { isPackaged: true, e2eBuild: marker === E2E_BUILD_MARKER.ehpcVncBuild };
}

/** DevTools and debugging switches: development runs and the e2e build only. */
export function debuggingAllowed(profile: BuildProfile): boolean {
  return !profile.isPackaged || profile.e2eBuild;
}

/** Why the app will not start with these switches, in both of its languages; or undefined. */
export function debugSwitchRefusal(
  found: readonly string[],
  profile: BuildProfile,
): string | undefined {
  if (found.length === 0 || debuggingAllowed(profile)) return undefined;
  const list = found.join(', ');
  return (
    `E-HPC VNC Tray does not start with debugging switches (${list}), because they would let ` +
    'other programs control it and read your credentials; start it without them.\n' +
    `E-HPC VNC Tray 不能带调试参数（${list}）启动，因为它们会让其他程序控制本应用并读取您的凭据；请去掉这些参数后再启动。`
  );
}

/** The parts of Electron the check needs (injected: tests pass stand-ins). */
export interface DebugLockdownDeps {
  app: {
    isPackaged: boolean;
    getAppPath(): string;
    commandLine: { hasSwitch(name: string): boolean };
  };
  dialog: { showErrorBox(title: string, content: string): void };
  argv?: readonly string[];
  platform?: NodeJS.Platform;
  readText?: (file: string) => string;
  stderr?: (text: string) => void;
}

/**
 * Run first thing in main: in a packaged build that is not the e2e build, a debugging switch
 * is reported (stderr, and a native error box where one can show before `ready`) and true is
 * returned: the caller exits with a non-zero code.
 */
export function refuseDebugSwitches(deps: DebugLockdownDeps): boolean {
  const platform = deps.platform ?? process.platform;
  const profile = readBuildProfile(deps.app, deps.readText);
  if (debuggingAllowed(profile)) return false;
  const found = [
    ...debugSwitchesIn((deps.argv ?? process.argv).slice(1), platform),
    ...DEBUG_SWITCH_NAMES.filter((n) => deps.app.commandLine.hasSwitch(n)).map((n) => `--${n}`),
  ];
  const refusal = debugSwitchRefusal([...new Set(found)], profile);
  if (!refusal) return false;
  (deps.stderr ?? ((t) => process.stderr.write(t)))(`${refusal}\n`);
  // On Linux an error box before `ready` only prints to stderr again.
  if (platform !== 'linux') deps.dialog.showErrorBox('E-HPC VNC Tray', refusal);
  return true;
}
