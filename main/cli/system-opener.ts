// `ehpc-vnc connect --open`: the system's opener for vnc:// URLs, without Electron. Each OS is
// asked first whether a viewer is registered, since the openers themselves do not all say:
//   Linux   `xdg-mime query default x-scheme-handler/vnc` (empty: none), then `xdg-open`;
//   macOS   `open` (exits non-zero when no application handles the scheme);
//   Windows the `vnc` URL class in the registry (HKCU, then HKCR), then `rundll32
//           url.dll,FileProtocolHandler`, which opens a URL without a shell.
// No shell anywhere (execFile with arguments), and only vnc://<ip>:12016 is ever passed on.
import { execFile, spawn } from 'node:child_process';
import { isAllowedVncUrl } from '../../preload/shared/vnc-url';
import type { OpenerPort } from '../core/app-service';

const TIMEOUT_MS = 10_000;

function run(file: string, args: string[]): Promise<{ ok: boolean; stdout: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: TIMEOUT_MS, windowsHide: true }, (error, stdout) =>
      resolve({ ok: !error, stdout: String(stdout) }),
    );
  });
}

/** Starts a program and lets it run on its own (xdg-open may stay until the viewer exits). */
function launch(file: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}

async function windowsHasHandler(): Promise<boolean> {
  for (const key of ['HKCU\\Software\\Classes\\vnc', 'HKCR\\vnc']) {
    if ((await run('reg', ['query', key, '/v', 'URL Protocol'])).ok) return true;
  }
  return false;
}

export function systemOpener(platform: NodeJS.Platform = process.platform): OpenerPort {
  return {
    async open(url) {
      if (!isAllowedVncUrl(url)) return false;
      if (platform === 'darwin') return (await run('open', [url])).ok;
      if (platform === 'win32') {
        return (
          (await windowsHasHandler()) && launch('rundll32', ['url.dll,FileProtocolHandler', url])
        );
      }
      const handler = await run('xdg-mime', ['query', 'default', 'x-scheme-handler/vnc']);
      if (!handler.ok || handler.stdout.trim() === '') return false;
      return launch('xdg-open', [url]);
    },
  };
}
