// The core's opener port over Electron: hands `vnc://<ip>:12016` to the system's VNC viewer.
//
// Whether a viewer is registered, per OS: Electron's `app.getApplicationNameForProtocol` answers
// '' when none is (macOS: Launch Services; Windows: the URL association in the registry; Linux:
// xdg-mime's x-scheme-handler/vnc), so it is asked first. `shell.openExternal` then rejects where
// the OS refuses (macOS and Windows report it); on Linux xdg-open runs detached and cannot say,
// which is why the question above comes first. Either way "no viewer" is `false`, and the core
// copies the address instead.
import { isAllowedVncUrl } from '../../preload/shared/vnc-url';
import type { OpenerPort } from '../core/app-service';

export interface ElectronOpener {
  /** Electron's `app.getApplicationNameForProtocol`. */
  applicationFor(url: string): string;
  /** Electron's `shell.openExternal`. */
  openExternal(url: string): Promise<void>;
}

export function vncOpener(electron: ElectronOpener, log: (line: string) => void): OpenerPort {
  return {
    async open(url) {
      // The last gate before the OS: exactly vnc://<ip>:12016, nothing else, ever.
      if (!isAllowedVncUrl(url)) {
        log('refused to open a URL that is not vnc://<address>:12016');
        return false;
      }
      let handler = '';
      try {
        handler = electron.applicationFor(url);
      } catch {
        // Unknown: let openExternal try and report.
        handler = 'unknown';
      }
      if (!handler) return false;
      try {
        await electron.openExternal(url);
        return true;
      } catch {
        log('no application opened the vnc:// URL');
        return false;
      }
    },
  };
}
