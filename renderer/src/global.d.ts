import type { EhpcBridge } from '../../preload/shared/contract';

declare global {
  interface Window {
    /** Installed by the preload (or the test harness): the page's only way out. */
    readonly ehpc: EhpcBridge;
  }
}

export {};
