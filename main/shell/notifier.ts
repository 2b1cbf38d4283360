// Desktop notifications for the outcome of tray and command-line actions. Where the OS offers
// none (some Linux sessions) the outcome is logged instead, so it is never silently lost.
import { Notification } from 'electron';
import type { Notice } from './tray-labels';

export function createNotifier(opts: {
  log(line: string): void;
  /** Every notice also goes here (the e2e hook reads them). */
  record?: (notice: Notice) => void;
}): (notice: Notice) => void {
  return (notice) => {
    opts.record?.(notice);
    if (Notification.isSupported()) {
      new Notification({ title: notice.title, body: notice.body, silent: true }).show();
    } else {
      opts.log(`${notice.title}: ${notice.body}`);
    }
  };
}
